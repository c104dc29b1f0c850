package app.stagedoor.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.retry.RetryException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.resilience.retry.MethodRetryEvent;

/**
 * Spring's own {@code @Retryable} for the few operations that may lose a lock race and try again,
 * and a meter of those lost races: {@code stagedoor_lock_retries_total{operation, outcome}}, counted
 * with outcome {@code lost} for every try that lost, and once more with {@code gave_up} when the last
 * try lost too (the fan is then told the service is busy). A rising count means holds or joins wait
 * on each other's row locks.
 */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
class ResilienceConfiguration {

    private final MeterProvider<Counter> retries;

    ResilienceConfiguration(MeterRegistry registry) {
        this.retries = Counter.builder("stagedoor.lock.retries")
                .description("Operations that lost a lock race (deadlock victim or lock wait timeout)")
                .withRegistry(registry);
    }

    @EventListener
    void on(MethodRetryEvent failed) {
        // the event that gives up carries Spring's RetryException, whose cause is the last failure
        var failure = failed.getFailure() instanceof RetryException exhausted && exhausted.getCause() != null
                ? exhausted.getCause()
                : failed.getFailure();
        if (!(failure instanceof PessimisticLockingFailureException)) {
            return; // a refusal or another failure the operation does not try again
        }
        var method = failed.getMethod();
        retries.withTags(
                        "operation",
                        method.getDeclaringClass().getSimpleName() + "." + method.getName(),
                        "outcome",
                        failed.isRetryAborted() ? "gave_up" : "lost")
                .increment();
    }
}
