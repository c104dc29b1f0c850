package app.stagedoor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The whole application with a clock the test moves and no scheduler of its own: the test calls
 * the scheduled jobs itself, tick by tick. Shared by the tests of the promoter and the sweeper.
 *
 * <p>The instance's own chores run even without cluster jobs ({@code ClusterJobs#onThisInstance});
 * the poll flush among them is put off for a day, so that a test's {@code lastSeen.flush()} is the
 * only one: a background flush could take the recorded polls first and still be writing them when
 * the test's flush, finding nothing to do, returned and the test ticked the promoter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"stagedoor.shared.scheduling.enabled=false", "stagedoor.queue.last-seen-flush=1d"})
@Import(ClockedTest.Clock.class)
public @interface ClockedTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
    }
}
