package app.stagedoor.booking;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The named-lock guard: a MySQL named lock per seat ({@code GET_LOCK}), never one global key, taken in
 * ascending seat order so two holds never wait on each other in a circle, on the hold
 * transaction's own connection, and released only after that transaction has committed or rolled
 * back. A fan waits at most {@code lockWait} per seat, then hears "just taken".
 */
class NamedLockGuard implements SeatGuard {

    static final String PREFIX = "stagedoor.seat.";

    private final JdbcTemplate jdbc;
    private final Duration lockWait;

    NamedLockGuard(JdbcTemplate jdbc, Duration lockWait) {
        this.jdbc = jdbc;
        this.lockWait = lockWait;
    }

    @Override
    public void enter(List<Long> seatIds) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                // session-level locks outlive the transaction: let them go before the connection returns to the pool
                jdbc.queryForObject("SELECT RELEASE_ALL_LOCKS()", Integer.class);
            }
        });
        double seconds = lockWait.toMillis() / 1000.0;
        for (long seatId : seatIds) {
            Integer granted = jdbc.queryForObject("SELECT GET_LOCK(?, ?)", Integer.class, PREFIX + seatId, seconds);
            if (granted == null || granted != 1) {
                throw SeatsUnavailable.waitedFor(seatId);
            }
        }
    }

    @Override
    public String name() {
        return "named-lock";
    }
}
