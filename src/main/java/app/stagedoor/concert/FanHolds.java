package app.stagedoor.concert;

import java.time.Instant;
import java.util.List;

/**
 * What a fan already holds of a date, for the seat map to show as theirs. The holds implement it;
 * the seat map asks it when it draws a whole map, never on its periodic refresh.
 */
public interface FanHolds {

    /** The fan's unpaid holds of this date that have not run out, and the seats the limit counts. */
    FanSeats of(long memberId, long performanceId);

    /**
     * @param counted the seats of this date the fan holds or has bought, which the per-fan limit counts
     */
    record FanSeats(List<Hold> holds, int counted) {

        public static final FanSeats NONE = new FanSeats(List.of(), 0);

        public boolean holds(long seatId) {
            return holds.stream().anyMatch(hold -> hold.seatIds().contains(seatId));
        }
    }

    record Hold(long reservationId, List<Long> seatIds, Instant expiresAt) {}
}
