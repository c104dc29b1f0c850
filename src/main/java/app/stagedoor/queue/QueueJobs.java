package app.stagedoor.queue;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the promoter runs: on one instance per tick (ShedLock). Off with {@code
 * stagedoor.scheduling.enabled=false}, for instances that only serve requests and for tests that
 * drive the promoter tick by tick.
 */
@Component
@ConditionalOnProperty(name = "stagedoor.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class QueueJobs {

    private final QueuePromoter promoter;

    QueueJobs(QueuePromoter promoter) {
        this.promoter = promoter;
    }

    @Scheduled(fixedDelayString = "${stagedoor.queue.tick:1s}")
    @SchedulerLock(name = "queue-promoter", lockAtMostFor = "PT30S")
    void promote() {
        promoter.tick();
    }
}
