package app.stagedoor.web;

import app.stagedoor.shared.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} of a page needs besides its controller: the real security chains,
 * problem details, languages and formats, without a database (the signing key is given).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@Import({SecurityConfiguration.class, Problems.class, Formats.class, LanguageConfiguration.class})
public class WebSliceConfiguration {

    static final String TEST_KEY = Base64.getEncoder().encodeToString("a-test-key-of-at-least-32-bytes!!".getBytes());

    @Bean
    WebProperties webProperties() {
        return new WebProperties(TEST_KEY, Duration.ofHours(1), ZoneId.of("Asia/Seoul"));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ApiTokens apiTokens(WebProperties properties, Clock clock) {
        return new ApiTokens(new SigningKeys(null), properties, clock);
    }
}
