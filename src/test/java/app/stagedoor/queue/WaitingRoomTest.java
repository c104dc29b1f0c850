package app.stagedoor.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.stagedoor.ClockedTest;
import app.stagedoor.MutableClock;
import app.stagedoor.TestConcerts;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tickets in the database and the poll: NONE → WAIT → ACTIVE → EXPIRE, and a new ticket at the back. */
@ClockedTest
@Tag("database")
class WaitingRoomTest {

    @Autowired
    WaitingRoom room;

    @Autowired
    QueuePromoter promoter;

    @Autowired
    TicketStore tickets;

    @Autowired
    LastSeen lastSeen;

    @Autowired
    LineSnapshots lines;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    long onSale() {
        long concert = TestConcerts.published(jdbc, clock.instant().minus(Duration.ofHours(1)));
        room.updateSettings(concert, new QueueSettings(1, 10, null, 60, 300, 10, false), "test");
        return concert;
    }

    /** Joins, and lets the line give places as the promoter's next tick does. */
    QueueTicket joinAndPlace(long fan, long concert) {
        room.join(fan, concert);
        promoter.place(concert);
        lines.forget(concert);
        return room.status(fan, concert, null);
    }

    @Test
    void none_then_wait_then_active_then_expire_then_a_new_ticket_at_the_back() {
        long concert = onSale();
        long fan = TestConcerts.fan(jdbc);
        assertThat(room.status(fan, concert, null).status()).isEqualTo(QueueStatus.NONE);

        var joined = room.join(fan, concert);
        assertThat(joined.status()).isEqualTo(QueueStatus.WAIT);
        assertThat(joined.position())
                .as("a place comes at the promoter's next tick")
                .isNull();
        assertThat(joined.token()).isNotBlank();
        promoter.place(concert);
        lines.forget(concert);
        var waiting = room.status(fan, concert, joined.token());
        assertThat(waiting.position()).isEqualTo(1);
        assertThat(waiting.drawCode()).isEqualTo(joined.drawCode());

        promoter.promote(concert);
        var active = room.status(fan, concert, null);
        assertThat(active.status()).isEqualTo(QueueStatus.ACTIVE);
        assertThat(active.activeUntil()).isCloseTo(clock.instant().plusSeconds(60), within(1, ChronoUnit.SECONDS));
        assertThat(room.join(fan, concert).status())
                .as("joining while admitted keeps the admission")
                .isEqualTo(QueueStatus.ACTIVE);

        room.expireAfterPayment(fan, concert);
        var paid = room.status(fan, concert, null);
        assertThat(paid.status()).isEqualTo(QueueStatus.EXPIRE);
        assertThat(paid.expireReason()).isEqualTo(ExpireReason.PAID);

        long other = TestConcerts.fan(jdbc);
        room.join(other, concert);
        var again = joinAndPlace(fan, concert);
        assertThat(again.status()).isEqualTo(QueueStatus.WAIT);
        assertThat(again.position()).as("behind the fan who joined meanwhile").isEqualTo(2);
        assertThat(jdbc.sql("SELECT status FROM queue_tokens WHERE concert_id = ? AND member_id = ? ORDER BY id")
                        .params(concert, fan)
                        .query(String.class)
                        .list())
                .as("the paid ticket stays ended; the new place is a new ticket")
                .containsExactly("EXPIRE", "WAIT");
    }

    @Test
    void a_fan_whose_admission_ran_out_unnoticed_joins_again_at_the_back() {
        long concert = onSale();
        long fan = TestConcerts.fan(jdbc);
        room.join(fan, concert);
        promoter.promote(concert);
        clock.advance(Duration.ofSeconds(61)); // ran out; the promoter has not ended it yet
        assertThat(room.status(fan, concert, null).status()).isEqualTo(QueueStatus.EXPIRE);

        var again = room.join(fan, concert);
        assertThat(again.status()).isEqualTo(QueueStatus.WAIT);
        assertThat(jdbc.sql("SELECT expire_reason FROM queue_tokens WHERE concert_id = ? AND member_id = ? ORDER BY id")
                        .params(concert, fan)
                        .query(String.class)
                        .list())
                .containsExactly("TIMEOUT", null);
    }

    @Test
    void illegal_transitions_change_nothing() {
        long concert = onSale();
        long fan = TestConcerts.fan(jdbc);
        room.join(fan, concert);
        var ticket = tickets.live(concert, fan).orElseThrow();

        assertThat(tickets.expire(ticket.id(), ExpireReason.PAID, clock.instant()))
                .as("a waiting fan cannot pay an admission away")
                .isZero();
        room.leave(fan, concert);
        assertThat(tickets.admit(
                        java.util.List.of(ticket.id()),
                        clock.instant(),
                        clock.instant().plusSeconds(60)))
                .as("an expired ticket is never admitted")
                .isZero();
        assertThat(tickets.expire(ticket.id(), ExpireReason.LEFT, clock.instant()))
                .as("an expired ticket does not end twice")
                .isZero();
        room.leave(fan, concert);
        room.leave(fan, concert);
        assertThat(room.stats(concert).expiredTotal())
                .as("one ticket, ended once, however often it was left")
                .isEqualTo(1);
        assertThat(tickets.live(concert, fan)).as("nothing live is left").isEmpty();
    }

    @Test
    void before_the_sales_open_joining_is_refused_and_unknown_concerts_are_not_found() {
        long later = TestConcerts.published(jdbc, clock.instant().plus(Duration.ofDays(1)));
        long fan = TestConcerts.fan(jdbc);
        assertThatThrownBy(() -> room.join(fan, later))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SALES_NOT_OPEN));
        assertThatThrownBy(() -> room.join(fan, 987_654_321L))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(tickets.latest(later, fan)).isEmpty();
    }

    @Test
    void a_signed_ticket_is_answered_from_the_snapshot_and_useless_to_anyone_else() {
        long concert = onSale();
        room.updateSettings(concert, new QueueSettings(1, 10, null, 60, 300, 10, true), "test");
        long fan = TestConcerts.fan(jdbc);
        long stranger = TestConcerts.fan(jdbc);
        room.join(TestConcerts.fan(jdbc), concert);
        var ticket = joinAndPlace(fan, concert);
        assertThat(ticket.position()).isEqualTo(2);

        // while waiting, the poll needs no database: it answers even with the row gone
        jdbc.sql("UPDATE queue_tokens SET seq = seq WHERE concert_id = ?")
                .param(concert)
                .update();
        var polled = room.status(fan, concert, ticket.token());
        assertThat(polled.position()).isEqualTo(2);
        assertThat(polled.token()).isEqualTo(ticket.token());

        // another fan presenting it gets their own standing, not this place
        assertThat(room.status(stranger, concert, ticket.token()).status()).isEqualTo(QueueStatus.NONE);
        // a forged or mangled ticket is ignored
        assertThat(room.status(fan, concert, ticket.token() + "x").position()).isEqualTo(2);
        assertThat(room.status(fan, concert, "not.a.ticket").position()).isEqualTo(2);
    }

    @Test
    void a_ticket_that_left_in_another_instance_is_noticed_at_the_next_flush() {
        long concert = onSale();
        room.updateSettings(concert, new QueueSettings(1, 10, null, 60, 300, 10, true), "test");
        long fan = TestConcerts.fan(jdbc);
        var ticket = room.join(fan, concert);
        // another instance ends the ticket: only the database knows
        jdbc.sql("UPDATE queue_tokens SET status = 'EXPIRE', live_member_id = NULL, expire_reason = 'LEFT'"
                        + " WHERE concert_id = ? AND member_id = ?")
                .params(concert, fan)
                .update();
        room.status(fan, concert, ticket.token());
        lastSeen.flush();
        var after = room.status(fan, concert, ticket.token());
        assertThat(after.status()).isEqualTo(QueueStatus.EXPIRE);
        assertThat(after.expireReason()).isEqualTo(ExpireReason.LEFT);
    }

    @Test
    void fans_far_back_are_asked_to_poll_less_often() {
        long concert = onSale();
        room.updateSettings(concert, new QueueSettings(1, 10, null, 60, 300, 10, false), "test");
        long firstFan = TestConcerts.fan(jdbc);
        room.join(firstFan, concert);
        for (int i = 0; i < 30; i++) {
            room.join(TestConcerts.fan(jdbc), concert);
        }
        var last = joinAndPlace(TestConcerts.fan(jdbc), concert);
        var first = room.status(firstFan, concert, null);
        assertThat(first.pollAfterMillis()).isBetween(2_000L, 2_300L);
        assertThat(last.position()).isEqualTo(32);
        assertThat(last.pollAfterMillis()).isGreaterThanOrEqualTo(30_000L).isLessThanOrEqualTo(33_000L);
    }

    @Test
    void the_head_of_a_long_line_is_read_from_the_index_without_sorting() {
        long concert = onSale();
        long other = onSale();
        var rows = new java.util.ArrayList<Object[]>();
        var now = java.sql.Timestamp.from(clock.instant());
        for (int i = 1; i <= 3_000; i++) {
            rows.add(new Object[] {concert, 9_000_000L + i, 9_000_000L + i, (long) i, now, now});
            rows.add(new Object[] {other, 9_000_000L + i, 9_000_000L + i, (long) i, now, now});
        }
        jdbcTemplate.batchUpdate(
                "INSERT INTO queue_tokens (concert_id, member_id, live_member_id, seq, status, joined_at, last_seen_at)"
                        + " VALUES (?, ?, ?, ?, 'WAIT', ?, ?)",
                rows);
        if (isMySql()) {
            jdbc.sql("ANALYZE TABLE queue_tokens").query().listOfRows();
        }
        for (var head : new String[] {
            "SELECT seq" + TicketStore.HEAD_OF_LINE + "1", "SELECT id" + TicketStore.HEAD_OF_LINE + "50"
        }) {
            var plan = jdbc.sql("EXPLAIN " + head)
                    .params(concert, Long.MAX_VALUE)
                    .query()
                    .listOfRows()
                    .toString()
                    .toLowerCase();
            assertThat(plan).as(head).contains("ix_queue_tokens_line");
            if (!isMySql()) {
                // H2 walks the index in order and stops; MariaDB's optimizer may sort a few
                // thousand index entries instead and switches to index order on longer lines
                assertThat(plan).as("H2 walks the index in order").contains("index sorted");
            }
        }
        assertThat(tickets.firstWaitingSeq(concert, Long.MAX_VALUE)).contains(1L);
        assertThat(tickets.nextWaiting(concert, 3, Long.MAX_VALUE)).hasSize(3);
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    @Autowired
    javax.sql.DataSource dataSource;

    private boolean isMySql() {
        try (var connection = dataSource.getConnection()) {
            var product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            return product.contains("mysql") || product.contains("mariadb");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
