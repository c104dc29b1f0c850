package app.stagedoor;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules only use each other's public API, without cycles; their documentation is written. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(StagedoorApplication.class);

    @Test
    void modules_respect_their_boundaries() {
        modules.verify();
    }

    @Test
    void documentation_is_written() {
        new Documenter(modules).writeDocumentation();
    }
}
