package app.stagedoor.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A ticket's moves: WAIT → ACTIVE → EXPIRE or WAIT → EXPIRE, and nothing out of EXPIRE. */
class TicketTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    static Ticket in(QueueStatus status) {
        return switch (status) {
            case WAIT -> new Ticket(1, 2, 3, 10, "00c0ffee00c0ffee", 4, QueueStatus.WAIT, null, null);
            case ACTIVE ->
                new Ticket(1, 2, 3, 10, "00c0ffee00c0ffee", 4, QueueStatus.ACTIVE, NOW.plusSeconds(60), null);
            case EXPIRE -> new Ticket(1, 2, 3, 10, "00c0ffee00c0ffee", 4, QueueStatus.EXPIRE, null, ExpireReason.LEFT);
            case NONE -> throw new IllegalArgumentException();
        };
    }

    @ParameterizedTest(name = "{0} may be admitted: {1}")
    @CsvSource({"WAIT, true", "ACTIVE, false", "EXPIRE, false"})
    void only_a_waiting_ticket_is_admitted(QueueStatus from, boolean legal) {
        assertThat(in(from).canBeAdmitted()).isEqualTo(legal);
    }

    @ParameterizedTest(name = "{0} may end as {1}: {2}")
    @CsvSource({
        "WAIT, LEFT, true",
        "WAIT, ABANDONED, true",
        "WAIT, TIMEOUT, false",
        "WAIT, PAID, false",
        "ACTIVE, LEFT, true",
        "ACTIVE, TIMEOUT, true",
        "ACTIVE, PAID, true",
        "ACTIVE, ABANDONED, false",
        "EXPIRE, LEFT, false",
        "EXPIRE, TIMEOUT, false",
        "EXPIRE, ABANDONED, false",
        "EXPIRE, PAID, false"
    })
    void a_ticket_ends_only_from_the_states_its_reason_allows(QueueStatus from, ExpireReason reason, boolean legal) {
        assertThat(in(from).canExpire(reason)).isEqualTo(legal);
    }

    @Test
    void a_waiting_ticket_is_live_and_not_admitted() {
        var waiting = in(QueueStatus.WAIT);
        assertThat(waiting.isLiveAt(NOW)).isTrue();
        assertThat(waiting.isAdmittedAt(NOW)).isFalse();
        assertThat(waiting.hasLapsedAt(NOW)).isFalse();
    }

    @Test
    void an_admission_is_live_until_its_end_and_lapsed_from_then_on() {
        var active = in(QueueStatus.ACTIVE);
        assertThat(active.isAdmittedAt(NOW.plusSeconds(59))).isTrue();
        assertThat(active.isLiveAt(NOW.plusSeconds(59))).isTrue();
        assertThat(active.isAdmittedAt(NOW.plusSeconds(60))).isFalse();
        assertThat(active.isLiveAt(NOW.plusSeconds(60))).isFalse();
        assertThat(active.hasLapsedAt(NOW.plusSeconds(60))).isTrue();
    }

    @Test
    void an_expired_ticket_is_neither_live_nor_admitted() {
        var expired = in(QueueStatus.EXPIRE);
        assertThat(expired.isLiveAt(NOW)).isFalse();
        assertThat(expired.isAdmittedAt(NOW)).isFalse();
        assertThat(expired.hasLapsedAt(NOW)).isFalse();
    }

    @Test
    void a_ticket_that_contradicts_its_state_cannot_exist() {
        assertThatThrownBy(() -> new Ticket(1, 2, 3, 10, "00c0ffee00c0ffee", 4, QueueStatus.NONE, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ticket(1, 2, 3, 10, "00c0ffee00c0ffee", 4, QueueStatus.ACTIVE, null, null))
                .as("an admission without an end")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ticket(1, 2, 3, 10, "00c0ffee00c0ffee", 4, QueueStatus.EXPIRE, null, null))
                .as("an end without a reason")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new Ticket(1, 2, 3, 10, "00c0ffee00c0ffee", 4, QueueStatus.WAIT, null, ExpireReason.LEFT))
                .as("a waiting ticket with a reason to have ended")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
