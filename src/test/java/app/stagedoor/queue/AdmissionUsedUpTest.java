package app.stagedoor.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stagedoor.IntegrationTest;
import app.stagedoor.TestConcerts;
import app.stagedoor.booking.ReservationConfirmed;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A paid reservation uses the admission up in the paying transaction: with the payment, or not at all. */
@IntegrationTest
@Tag("database")
class AdmissionUsedUpTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    WaitingRoom room;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_payment_has_ended_the_admission_when_it_commits() {
        long concert = TestConcerts.published(jdbc, Instant.now().minus(Duration.ofHours(1)));
        long fan = TestConcerts.fan(jdbc);
        TestConcerts.admit(jdbc, concert, fan);
        assertThat(room.status(fan, concert, null).status()).isEqualTo(QueueStatus.ACTIVE);

        transaction.executeWithoutResult(
                paying -> events.publishEvent(new ReservationConfirmed(1, fan, concert, 1, 1)));

        var after = room.status(fan, concert, null);
        assertThat(after.status())
                .as("no waiting: the fan's next request finds it")
                .isEqualTo(QueueStatus.EXPIRE);
        assertThat(after.expireReason()).isEqualTo(ExpireReason.PAID);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION")
                        .query(Long.class)
                        .single())
                .as("nothing goes through the event log")
                .isZero();
    }

    @Test
    void a_payment_that_rolls_back_leaves_the_admission() {
        long concert = TestConcerts.published(jdbc, Instant.now().minus(Duration.ofHours(1)));
        long fan = TestConcerts.fan(jdbc);
        TestConcerts.admit(jdbc, concert, fan);

        assertThatThrownBy(() -> transaction.executeWithoutResult(paying -> {
                    events.publishEvent(new ReservationConfirmed(1, fan, concert, 1, 1));
                    throw new IllegalStateException("the payment failed after its event");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(room.status(fan, concert, null).status())
                .as("still admitted: the fan may try again")
                .isEqualTo(QueueStatus.ACTIVE);
    }
}
