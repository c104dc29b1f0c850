package app.stagedoor;

import java.time.ZoneOffset;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Stagedoor: concert ticketing with a fair virtual waiting room. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class StagedoorApplication {

    /**
     * Runs in UTC whatever the machine's zone: the drivers turn times into the JVM's zone on the way
     * to the database (H2 and MariaDB's driver store the wall time there, MySQL's shifts instants),
     * and SQL compares them with UTC bounds. Pages show each concert's own zone.
     */
    public static void main(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
        SpringApplication.run(StagedoorApplication.class, args);
    }
}
