package app.stagedoor.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stagedoor.ClockedTest;
import app.stagedoor.MutableClock;
import app.stagedoor.Race;
import app.stagedoor.TestConcerts;
import app.stagedoor.concert.Catalogue;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opening day, tick by tick with a clock the test moves: the pre-queue, the draw at the on-sale
 * time and what anyone can check of it; on H2 and on MariaDB.
 */
@ClockedTest
@Tag("database")
class DrawTest {

    static final int ADMIT = 5;

    @Autowired
    WaitingRoom room;

    @Autowired
    QueuePromoter promoter;

    @Autowired
    LineSnapshots lines;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    long concert;
    Instant salesOpenAt;

    /** A concert whose sales open in {@code in}, with a pre-queue of {@code preQueueMinutes}. */
    void aSaleOpeningIn(Duration in, int preQueueMinutes) {
        // to the second, as organisers set it (and as a DATETIME without fractions keeps it)
        salesOpenAt = clock.instant().plus(in).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        concert = TestConcerts.published(jdbc, salesOpenAt);
        room.updateSettings(concert, new QueueSettings(ADMIT, 10, null, 600, 300, preQueueMinutes, false), "test");
    }

    List<Long> fansJoin(int count) {
        var fans = new ArrayList<Long>();
        for (int i = 0; i < count; i++) {
            long fan = TestConcerts.fan(jdbc);
            var ticket = room.join(fan, concert);
            assertThat(ticket.status()).isEqualTo(QueueStatus.WAIT);
            fans.add(fan);
        }
        return fans;
    }

    long seqOf(long fan) {
        return jdbc.sql("SELECT seq FROM queue_tokens WHERE concert_id = ? AND member_id = ?")
                .params(concert, fan)
                .query(Long.class)
                .single();
    }

    List<Long> placesInJoinOrder() {
        return jdbc.sql("SELECT seq FROM queue_tokens WHERE concert_id = ? ORDER BY id")
                .param(concert)
                .query(Long.class)
                .list();
    }

    void openSales() {
        clock.advance(Duration.between(clock.instant(), salesOpenAt));
        lines.forget(concert);
    }

    @Test
    void before_the_pre_queue_opens_joining_is_refused_with_its_time_and_the_commitment_is_already_public() {
        aSaleOpeningIn(Duration.ofMinutes(30), 10);
        var draw = room.draw(concert);
        assertThat(draw.commitment()).matches("[0-9a-f]{64}");
        assertThat(draw.seed()).isNull();
        assertThat(draw.entrants()).isNull();
        assertThat(draw.drawAt()).isEqualTo(salesOpenAt);

        long fan = TestConcerts.fan(jdbc);
        assertThatThrownBy(() -> room.join(fan, concert)).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.code()).isEqualTo(ErrorCode.SALES_NOT_OPEN);
            assertThat(refused.properties()).containsEntry("joinOpensAt", salesOpenAt.minusSeconds(600));
        });

        clock.advance(Duration.ofMinutes(20));
        lines.forget(concert);
        assertThat(room.join(fan, concert).isInPreQueue())
                .as("the pre-queue is open")
                .isTrue();
        assertThat(room.draw(concert).commitment())
                .as("the seed never changes once committed")
                .isEqualTo(draw.commitment());
    }

    @Test
    void the_pre_queue_has_no_places_until_the_draw_and_tabs_or_rejoining_change_nothing() {
        aSaleOpeningIn(Duration.ofMinutes(5), 10);
        long fan = TestConcerts.fan(jdbc);
        var joined = room.join(fan, concert);
        assertThat(joined.isInPreQueue()).isTrue();
        assertThat(joined.position()).isNull();
        assertThat(joined.drawAt()).isEqualTo(salesOpenAt);
        assertThat(joined.pollAfterMillis()).isEqualTo(30_000L);
        assertThat(room.join(fan, concert).drawCode())
                .as("joining again, from any tab, is the same ticket")
                .isEqualTo(joined.drawCode());

        // the poll is answered from the signed ticket and the snapshot, without the database
        jdbc.sql("DELETE FROM queue_tokens WHERE concert_id = ?").param(concert).update();
        var polled = room.status(fan, concert, joined.token());
        assertThat(polled.isInPreQueue()).isTrue();
        assertThat(polled.token()).isEqualTo(joined.token());

        // to ten seconds before the draw exactly: the clock has milliseconds, the on-sale time none
        clock.advance(Duration.between(clock.instant(), salesOpenAt.minusSeconds(10)));
        assertThat(room.status(fan, concert, joined.token()).pollAfterMillis())
                .as("ten seconds before the draw the pre-queue asks again just after it, spread over 5 s")
                .isBetween(10_000L, 15_000L);
        assertThat(promoter.promote(concert).admitted())
                .as("nobody is admitted before the draw")
                .isZero();
    }

    @Test
    void
            at_opening_the_pre_queue_is_drawn_into_the_order_the_published_seed_gives_and_late_fans_follow_in_join_order() {
        aSaleOpeningIn(Duration.ofMinutes(5), 10);
        var early = fansJoin(40);
        openSales();
        var late = fansJoin(3);

        var tick = promoter.promote(concert);
        assertThat(tick.admitted())
                .as("admission starts at the tick of the draw")
                .isEqualTo(ADMIT);

        var draw = room.draw(concert);
        assertThat(draw.seed()).matches("[0-9a-f]{64}");
        assertThat(HexFormat.of().formatHex(DrawOrder.sha256(HexFormat.of().parseHex(draw.seed()))))
                .as("the commitment is the SHA-256 of the seed")
                .isEqualTo(draw.commitment());
        assertThat(draw.entrants()).hasSize(40);
        assertThat(draw.entrants())
                .extracting(PublishedDraw.Entrant::place)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
        var codes = draw.entrants().stream().map(PublishedDraw.Entrant::ticket).toList();
        assertThat(DrawOrder.shuffle(HexFormat.of().parseHex(draw.seed()), codes))
                .as("the places follow from the seed")
                .containsExactlyElementsOf(codes);

        var earlyPlaces = early.stream().map(this::seqOf).toList();
        assertThat(earlyPlaces)
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, 40).boxed().toList());
        assertThat(earlyPlaces)
                .as("the draw, not the order of joining")
                .isNotEqualTo(earlyPlaces.stream().sorted().toList());
        assertThat(late.stream().map(this::seqOf).toList())
                .as("fans who joined after opening, behind the pre-queue in join order")
                .containsExactly(41L, 42L, 43L);
        assertThat(placesInJoinOrder())
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, 43).boxed().toList());

        // the fans at places 1 to 5 are admitted; the others see their position
        for (long fan : early) {
            lines.forget(concert);
            var standing = room.status(fan, concert, null);
            long place = seqOf(fan);
            if (place <= ADMIT) {
                assertThat(standing.status()).isEqualTo(QueueStatus.ACTIVE);
            } else {
                assertThat(standing.position()).isEqualTo(place - ADMIT);
            }
        }
        assertThat(room.draw(concert)).as("the published draw never changes").isEqualTo(draw);
    }

    @Autowired
    TicketStore tickets;

    @Autowired
    LineStore lineStore;

    @Autowired
    Settings settings;

    @Autowired
    AdmissionLog admissions;

    @Autowired
    Draws draws;

    @Autowired
    DrawOrders drawOrders;

    @Autowired
    Catalogue catalogue;

    @Autowired
    LineSamples samples;

    @Autowired
    QueueMetrics metrics;

    @Autowired
    QueueProperties properties;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    org.springframework.beans.factory.config.AutowireCapableBeanFactory beans;

    /** The promoter of another instance sharing the database (or of this one after a restart). */
    QueuePromoter anotherInstance() {
        return beans.createBean(QueuePromoter.class);
    }

    /** The promoter of an instance that writes a draw's places into the tickets ten at a time. */
    QueuePromoter writingTenATime() {
        var p = properties;
        var tens = new QueueProperties(
                p.defaults(),
                p.tick(),
                p.abandonAfter(),
                p.lastSeenFlush(),
                p.snapshotTtl(),
                p.pollMin(),
                p.pollMax(),
                p.drawPollSpread(),
                10,
                p.ticketSecret());
        return new QueuePromoter(
                tickets,
                lineStore,
                settings,
                admissions,
                draws,
                drawOrders,
                catalogue,
                samples,
                metrics,
                tens,
                transaction,
                clock);
    }

    @Test
    void a_large_draw_is_written_front_first_while_every_fan_knows_their_place_and_nobody_passes_the_front() {
        aSaleOpeningIn(Duration.ofMinutes(5), 10);
        var early = fansJoin(30);
        openSales();
        long late = fansJoin(1).get(0);
        var promoter = writingTenATime();

        assertThat(promoter.promote(concert).admitted()).isEqualTo(ADMIT);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM queue_tokens WHERE concert_id = ? AND seq IS NOT NULL"
                                + " AND member_id <> ?")
                        .params(concert, late)
                        .query(Long.class)
                        .single())
                .as("the first ten places are in the tickets")
                .isEqualTo(10);
        var draw = room.draw(concert);
        for (long fan : early) {
            lines.forget(concert);
            var standing = room.status(fan, concert, null);
            long place = draw.entrants().stream()
                    .filter(entrant -> entrant.ticket().equals(standing.drawCode()))
                    .findFirst()
                    .orElseThrow()
                    .place();
            if (place > ADMIT) {
                assertThat(standing.position())
                        .as("known from the drawn order, written or not")
                        .isEqualTo(place - ADMIT);
            } else {
                assertThat(standing.status()).isEqualTo(QueueStatus.ACTIVE);
            }
        }
        lines.forget(concert);
        assertThat(room.status(late, concert, null).position()).isEqualTo(31 - ADMIT);

        promoter.promote(concert);
        clock.advance(Duration.ofSeconds(10));
        assertThat(promoter.promote(concert).admitted()).isEqualTo(ADMIT);
        assertThat(jdbc.sql("SELECT member_id FROM queue_tokens WHERE concert_id = ? AND status = 'ACTIVE'")
                        .param(concert)
                        .query(Long.class)
                        .list())
                .as("the late fan waits behind the whole pre-queue")
                .doesNotContain(late)
                .hasSize(2 * ADMIT);
        assertThat(placesInJoinOrder())
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, 31).boxed().toList());
    }

    @Test
    void two_instances_ticking_at_the_same_moment_draw_once() throws Exception {
        aSaleOpeningIn(Duration.ofMinutes(5), 10);
        fansJoin(30);
        openSales();
        var other = anotherInstance();
        List<Callable<QueuePromoter.Outcome>> both =
                List.of(() -> promoter.promote(concert), () -> other.promote(concert));
        int admitted = Race.run(both).stream()
                .mapToInt(QueuePromoter.Outcome::admitted)
                .sum();

        assertThat(admitted).isEqualTo(ADMIT);
        assertThat(placesInJoinOrder())
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, 30).boxed().toList());
        assertThat(jdbc.sql("SELECT entrants FROM queue_draws WHERE concert_id = ?")
                        .param(concert)
                        .query(Integer.class)
                        .single())
                .isEqualTo(30);
    }

    @Test
    void a_draw_missed_while_no_instance_ran_runs_at_the_first_tick_before_anyone_is_admitted() {
        aSaleOpeningIn(Duration.ofMinutes(5), 10);
        var early = fansJoin(10);
        clock.advance(Duration.ofHours(2)); // every instance was down at the on-sale time
        lines.forget(concert);
        var late = fansJoin(1).get(0);

        var restarted = anotherInstance();
        assertThat(restarted.promote(concert).admitted()).isEqualTo(ADMIT);
        var admitted = jdbc.sql("SELECT member_id FROM queue_tokens WHERE concert_id = ? AND status = 'ACTIVE'")
                .param(concert)
                .query(Long.class)
                .list();
        assertThat(early).as("those admitted come from the pre-queue's draw").containsAll(admitted);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM queue_tokens WHERE concert_id = ? AND status = 'EXPIRE'")
                        .param(concert)
                        .query(Long.class)
                        .single())
                .as("nobody could poll while no instance ran: nobody is dropped for it")
                .isZero();
        assertThat(seqOf(late)).isEqualTo(11);
    }
}
