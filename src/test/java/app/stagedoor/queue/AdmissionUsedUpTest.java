package app.stagedoor.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/** A paid reservation uses the admission up after the payment commits, and leaves no row in the event log. */
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
    void a_payment_ends_the_admission_and_its_completed_event_is_removed() {
        long concert = TestConcerts.published(jdbc, Instant.now().minus(Duration.ofHours(1)));
        long fan = TestConcerts.fan(jdbc);
        TestConcerts.admit(jdbc, concert, fan);
        assertThat(room.status(fan, concert, null).status()).isEqualTo(QueueStatus.ACTIVE);

        transaction.executeWithoutResult(
                paying -> events.publishEvent(new ReservationConfirmed(1, fan, concert, 1, 1)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var after = room.status(fan, concert, null);
            assertThat(after.status()).isEqualTo(QueueStatus.EXPIRE);
            assertThat(after.expireReason()).isEqualTo(ExpireReason.PAID);
        });
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE serialized_event LIKE ?")
                                        .param("%\"memberId\":" + fan + ",%")
                                        .query(Long.class)
                                        .single())
                        .as("the delivered event is gone from the log")
                        .isZero());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE completion_date IS NOT NULL")
                        .query(Long.class)
                        .single())
                .as("completed publications are removed, not kept forever")
                .isZero();
    }
}
