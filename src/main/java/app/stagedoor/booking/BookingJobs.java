package app.stagedoor.booking;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** When the hold sweeper runs: every second, on one instance per tick. */
@Component
@ConditionalOnProperty(name = "stagedoor.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class BookingJobs {

    private final HoldSweeper sweeper;

    BookingJobs(HoldSweeper sweeper) {
        this.sweeper = sweeper;
    }

    @Scheduled(fixedDelayString = "${stagedoor.booking.sweep-interval:1s}")
    @SchedulerLock(name = "hold-sweeper", lockAtMostFor = "PT30S")
    void sweep() {
        sweeper.sweep();
    }
}
