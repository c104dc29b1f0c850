package app.stagedoor.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.stagedoor.ClockedTest;
import app.stagedoor.MutableClock;
import app.stagedoor.Race;
import app.stagedoor.TestConcerts;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The promoter, tick by tick, with a clock the test moves; on H2 and on MariaDB. */
@ClockedTest
@Tag("database")
class QueuePromoterTest {

    @Autowired
    WaitingRoom room;

    @Autowired
    QueuePromoter promoter;

    @Autowired
    QueueGate gate;

    @Autowired
    TicketStore tickets;

    @Autowired
    LastSeen lastSeen;

    /** Makes the promoter of another instance, or of this one after a restart. */
    @Autowired
    org.springframework.beans.factory.config.AutowireCapableBeanFactory beans;

    @Autowired
    LineSnapshots lines;

    @Autowired
    QueueProperties properties;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    long concert;

    @BeforeEach
    void aConcertOnSale() {
        concert = TestConcerts.published(jdbc, clock.instant().minus(Duration.ofHours(1)));
        settings(2, null, false, 60);
    }

    void settings(int admitCount, Integer maxActive, boolean paused, int activeSeconds) {
        room.updateSettings(
                concert, new QueueSettings(admitCount, 10, maxActive, activeSeconds, 300, 10, paused), "test");
    }

    List<Long> fansJoin(int count) {
        var fans = new ArrayList<Long>();
        for (int i = 0; i < count; i++) {
            long fan = TestConcerts.fan(jdbc);
            room.join(fan, concert);
            fans.add(fan);
        }
        // the line gives places at the promoter's tick, in join order
        promoter.place(concert);
        return fans;
    }

    QueueStatus statusOf(long fan) {
        return room.status(fan, concert, null).status();
    }

    Long positionOf(long fan) {
        lines.forget(concert);
        return room.status(fan, concert, null).position();
    }

    @Test
    void admits_exactly_the_next_n_in_join_order_and_then_waits_for_the_interval() {
        var fans = fansJoin(5);

        assertThat(promoter.promote(concert).admitted()).isEqualTo(2);
        assertThat(fans)
                .extracting(this::statusOf)
                .containsExactly(
                        QueueStatus.ACTIVE, QueueStatus.ACTIVE, QueueStatus.WAIT, QueueStatus.WAIT, QueueStatus.WAIT);
        assertThat(positionOf(fans.get(2))).isEqualTo(1);
        assertThat(positionOf(fans.get(4))).isEqualTo(3);

        clock.advance(Duration.ofSeconds(9));
        assertThat(promoter.promote(concert).admitted())
                .as("before the interval")
                .isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(promoter.promote(concert).admitted()).isEqualTo(2);
        assertThat(statusOf(fans.get(3))).isEqualTo(QueueStatus.ACTIVE);
        assertThat(statusOf(fans.get(4))).isEqualTo(QueueStatus.WAIT);
        assertThat(positionOf(fans.get(4))).isEqualTo(1);
    }

    @Test
    void never_more_than_max_active_are_admitted_at_once() {
        settings(5, 3, false, 600);
        var fans = fansJoin(6);
        assertThat(promoter.promote(concert).admitted()).isEqualTo(3);

        clock.advance(Duration.ofSeconds(10));
        assertThat(promoter.promote(concert).admitted())
                .as("three are still active")
                .isZero();

        room.leave(fans.get(0), concert);
        clock.advance(Duration.ofSeconds(10));
        assertThat(promoter.promote(concert).admitted()).isEqualTo(1);
        assertThat(statusOf(fans.get(3))).isEqualTo(QueueStatus.ACTIVE);
        assertThat(statusOf(fans.get(4))).isEqualTo(QueueStatus.WAIT);
    }

    @Test
    void paused_admits_nobody_until_resumed() {
        settings(2, null, true, 60);
        var fans = fansJoin(3);
        assertThat(promoter.promote(concert).admitted()).isZero();
        assertThat(room.status(fans.get(0), concert, null).paused()).isTrue();
        assertThat(room.status(fans.get(0), concert, null).estimatedWaitSeconds())
                .isNull();

        settings(2, null, false, 60);
        assertThat(promoter.promote(concert).admitted()).isEqualTo(2);
    }

    @Test
    void admissions_end_on_time_and_the_gate_closes() {
        var fan = fansJoin(1).get(0);
        promoter.promote(concert);
        var until = gate.admittedUntil(fan, concert).orElseThrow();
        assertThat(until).isCloseTo(clock.instant().plusSeconds(60), within(1, ChronoUnit.SECONDS));

        clock.advance(Duration.ofSeconds(59));
        promoter.promote(concert);
        assertThat(gate.admittedUntil(fan, concert)).isPresent();

        clock.advance(Duration.ofSeconds(1));
        assertThat(gate.admittedUntil(fan, concert))
                .as("ends at its instant, before any tick")
                .isEmpty();
        promoter.promote(concert);
        var expired = room.status(fan, concert, null);
        assertThat(expired.status()).isEqualTo(QueueStatus.EXPIRE);
        assertThat(expired.expireReason()).isEqualTo(ExpireReason.TIMEOUT);
    }

    @Test
    void fans_who_stopped_polling_lose_their_place_and_use_up_no_admission() {
        settings(2, null, true, 60);
        var fans = fansJoin(3);
        var tickets = fans.stream()
                .map(fan -> room.status(fan, concert, null).token())
                .toList();

        // the promoter ticks on (admitting nobody while paused) as two of the three fans keep polling
        promoter.promote(concert);
        for (int step = 0; step < 5; step++) {
            clock.advance(Duration.ofSeconds(30));
            room.status(fans.get(0), concert, tickets.get(0));
            room.status(fans.get(2), concert, tickets.get(2));
            lastSeen.flush();
            promoter.promote(concert);
        }
        clock.advance(properties.abandonAfter().minusSeconds(149));
        room.status(fans.get(0), concert, tickets.get(0));
        room.status(fans.get(2), concert, tickets.get(2));
        lastSeen.flush();

        settings(2, null, false, 60);
        var outcome = promoter.promote(concert);
        assertThat(outcome.expired()).isEqualTo(1);
        assertThat(outcome.admitted()).isEqualTo(2);
        assertThat(statusOf(fans.get(0))).isEqualTo(QueueStatus.ACTIVE);
        assertThat(room.status(fans.get(1), concert, null).expireReason()).isEqualTo(ExpireReason.ABANDONED);
        assertThat(statusOf(fans.get(2))).isEqualTo(QueueStatus.ACTIVE);
    }

    @Test
    void places_of_fans_who_left_are_skipped_so_the_line_moves_up() {
        settings(2, null, true, 60);
        var fans = fansJoin(4);
        assertThat(positionOf(fans.get(2))).isEqualTo(3);
        room.leave(fans.get(0), concert);
        room.leave(fans.get(1), concert);
        promoter.promote(concert);
        assertThat(positionOf(fans.get(2))).isEqualTo(1);
        assertThat(positionOf(fans.get(3))).isEqualTo(2);
    }

    @Test
    void two_promoters_racing_the_same_tick_admit_once() throws Exception {
        settings(3, null, false, 60);
        fansJoin(10);
        var otherInstance = beans.createBean(QueuePromoter.class);
        List<Callable<QueuePromoter.Outcome>> both =
                List.of(() -> promoter.promote(concert), () -> otherInstance.promote(concert));
        int admitted = Race.run(both).stream()
                .mapToInt(QueuePromoter.Outcome::admitted)
                .sum();
        assertThat(admitted).isEqualTo(3);
        assertThat(tickets.countInStatus(concert, QueueStatus.ACTIVE)).isEqualTo(3);
    }

    @Test
    void a_restarted_promoter_carries_on_from_the_database() {
        var fans = fansJoin(4);
        promoter.promote(concert);
        var afterRestart = beans.createBean(QueuePromoter.class);
        assertThat(afterRestart.promote(concert).admitted())
                .as("the interval is remembered")
                .isZero();
        clock.advance(Duration.ofSeconds(10));
        assertThat(afterRestart.promote(concert).admitted()).isEqualTo(2);
        assertThat(statusOf(fans.get(3))).isEqualTo(QueueStatus.ACTIVE);
    }

    @Test
    void the_estimate_follows_the_measured_pace() {
        settings(2, null, false, 600);
        var fans = fansJoin(12);
        promoter.promote(concert);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(10));
            promoter.promote(concert);
        }
        lines.forget(concert);
        // 2 places every 10 s: the last fan, 4th in line, is about 20 s away
        var last = room.status(fans.get(11), concert, null);
        assertThat(last.position()).isEqualTo(4);
        assertThat(last.estimatedWaitSeconds()).isBetween(15L, 25L);

        // the organiser slows the line down; the measured pace follows
        room.updateSettings(concert, new QueueSettings(1, 20, null, 600, 300, 10, false), "test");
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(20));
            promoter.promote(concert);
        }
        lines.forget(concert);
        var slower = room.status(fans.get(11), concert, null);
        assertThat(slower.position()).isEqualTo(1);
        assertThat(slower.estimatedWaitSeconds()).isGreaterThan(5L);
    }

    @Test
    void a_shorter_interval_applies_from_the_next_tick() {
        room.updateSettings(concert, new QueueSettings(1, 3_600, null, 600, 300, 10, false), "test");
        var fans = fansJoin(3);
        assertThat(promoter.promote(concert).admitted()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(10));
        assertThat(promoter.promote(concert).admitted()).as("an hour to go").isZero();

        room.updateSettings(concert, new QueueSettings(1, 10, null, 600, 300, 10, false), "test");
        clock.advance(Duration.ofSeconds(10));
        assertThat(promoter.promote(concert).admitted()).isEqualTo(1);
        assertThat(statusOf(fans.get(1))).isEqualTo(QueueStatus.ACTIVE);
    }
}
