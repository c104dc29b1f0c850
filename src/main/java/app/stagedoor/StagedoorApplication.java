package app.stagedoor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Stagedoor: concert ticketing with a fair virtual waiting room. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class StagedoorApplication {

    public static void main(String[] args) {
        SpringApplication.run(StagedoorApplication.class, args);
    }
}
