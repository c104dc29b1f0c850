package app.stagedoor.queue;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the waiting room's jobs run. The promoter runs on one instance per tick (ShedLock); every
 * instance writes down the polls it answered. Off with {@code stagedoor.scheduling.enabled=false},
 * where tests drive the jobs tick by tick.
 */
@Component
@ConditionalOnProperty(name = "stagedoor.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class QueueJobs {

    private final QueuePromoter promoter;
    private final LastSeen lastSeen;

    QueueJobs(QueuePromoter promoter, LastSeen lastSeen) {
        this.promoter = promoter;
        this.lastSeen = lastSeen;
    }

    @Scheduled(fixedDelayString = "${stagedoor.queue.tick:1s}")
    @SchedulerLock(name = "queue-promoter", lockAtMostFor = "PT30S")
    void promote() {
        promoter.tick();
    }

    @Scheduled(fixedDelayString = "${stagedoor.queue.last-seen-flush:2s}")
    void flushPolls() {
        lastSeen.flush();
    }
}
