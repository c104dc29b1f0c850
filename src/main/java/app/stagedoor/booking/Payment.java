package app.stagedoor.booking;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The record of a paid reservation: one per reservation, with the key the client sent, if any. */
@Table("payments")
record Payment(
        @Id Long id,
        long reservationId,
        long memberId,
        long amount,
        long balanceAfter,
        String idempotencyKey,
        Instant paidAt) {

    boolean isReplayOf(String key) {
        return key != null && key.equals(idempotencyKey);
    }
}
