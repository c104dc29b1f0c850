package app.stagedoor.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The waiting room's settings: defaults written once, in the record, and no key it does not declare. */
class QueuePropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(QueueProperties.class)
    static class Bound {}

    final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void without_settings_the_defaults_apply() {
        context.run(started -> {
            var properties = started.getBean(QueueProperties.class);
            assertThat(properties.tick()).isEqualTo(Duration.ofSeconds(1));
            assertThat(properties.defaults().settings().admitCount()).isEqualTo(50);
            assertThat(properties.defaults().settings().holdSeconds()).isEqualTo(300);
        });
    }

    @Test
    void a_mistyped_key_under_the_module_stops_the_start() {
        context.withPropertyValues("stagedoor.queue.tikc=500ms")
                .run(started -> assertThat(started).hasFailed());
        context.withPropertyValues("stagedoor.queue.tick=500ms")
                .run(started -> assertThat(
                                started.getBean(QueueProperties.class).tick())
                        .isEqualTo(Duration.ofMillis(500)));
    }
}
