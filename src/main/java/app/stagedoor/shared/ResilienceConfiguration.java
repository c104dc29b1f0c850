package app.stagedoor.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;

/** Spring's own {@code @Retryable} for the few operations that may lose a lock race and try again. */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
class ResilienceConfiguration {}
