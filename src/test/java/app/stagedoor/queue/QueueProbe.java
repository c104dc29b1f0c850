package app.stagedoor.queue;

import org.springframework.context.ApplicationContext;

/**
 * What the two-instance tests do to an instance's waiting room that has no endpoint: one more tick
 * of its promoter, as its scheduler would run it (besides the scheduler's own ticks).
 */
public final class QueueProbe {

    private QueueProbe() {}

    public static void tick(ApplicationContext instance) {
        instance.getBean(QueuePromoter.class).tick();
    }
}
