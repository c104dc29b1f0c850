package app.stagedoor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port, against the test database (H2 by default, MariaDB in
 * the {@code mysql} run). All integration, API and browser tests share this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// the suite signs up hundreds of fans from one address and polls fast: no rate limits here
// (RateLimitTest turns them on in a context of its own; wrong passwords are throttled either way)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "stagedoor.web.rate-limits.enabled=false")
public @interface IntegrationTest {}
