package app.stagedoor.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** A setting under no module is refused at start, not silently ignored. */
class SettingsCheckTest {

    static StandardEnvironment with(Map<String, Object> settings) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }

    @Test
    void settings_under_a_module_pass() {
        var environment = with(Map.of("stagedoor.queue.tick", "1s", "stagedoor.member.login.max-failures", "5"));
        assertThat(SettingsCheck.unknownKeys(environment)).isEmpty();
        new SettingsCheck(environment);
    }

    @Test
    void a_key_of_the_old_layout_or_a_typo_stops_the_start_and_is_named() {
        var environment = with(Map.of("stagedoor.login.max-failures", "3", "stagedoor.queu.tick", "1s"));
        assertThatThrownBy(() -> new SettingsCheck(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stagedoor.login.max-failures")
                .hasMessageContaining("stagedoor.queu.tick");
    }

    @Test
    void environment_variables_of_other_tools_are_left_alone() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("STAGEDOOR_TEST_DB", "stagedoor_test")));
        assertThat(SettingsCheck.unknownKeys(environment)).isEmpty();
    }
}
