package app.stagedoor.web;

import app.stagedoor.shared.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} of a page needs besides its controller: the real security chains,
 * problem details, languages and formats, without a database (the signing key is given).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, Problems.class, Formats.class, LanguageConfiguration.class, SignIn.class})
public class WebSliceConfiguration {

    static final String TEST_KEY = Base64.getEncoder().encodeToString("a-test-key-of-at-least-32-bytes!!".getBytes());

    @Bean
    WebProperties webProperties() {
        // bound as the application binds it, so every default (the rate limits') is the real one
        var settings = new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                java.util.Map.of("stagedoor.web.jwt-secret", TEST_KEY, "stagedoor.web.time-zone", "Asia/Seoul"));
        return new org.springframework.boot.context.properties.bind.Binder(settings)
                .bindOrCreate("stagedoor.web", WebProperties.class);
    }

    /** The slice has no metrics auto-configuration; the rate limits count their refusals here. */
    @Bean
    io.micrometer.core.instrument.MeterRegistry meterRegistry() {
        return new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Passes under a test key, for the session cookie's usual name and the app's session timeout. */
    @Bean
    PollPasses pollPasses(Clock clock) {
        return new PollPasses(
                new SigningKeys(null).tokens("poll-pass", TEST_KEY, 1_000, Duration.ofMinutes(1)),
                "JSESSIONID",
                Duration.ofHours(3),
                clock);
    }

    @Bean
    ApiTokens apiTokens(WebProperties properties, Clock clock) {
        return new ApiTokens(new SigningKeys(null), properties, clock);
    }
}
