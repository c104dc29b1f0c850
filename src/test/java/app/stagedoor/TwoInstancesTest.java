package app.stagedoor;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.TwoInstances.Answer;
import app.stagedoor.TwoInstances.Fan;
import app.stagedoor.TwoInstances.Instance;
import app.stagedoor.booking.BookingProbe;
import app.stagedoor.queue.QueueProbe;
import app.stagedoor.shared.ErrorCode;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Two instances of the application on one MariaDB database at once, their schedulers running, as
 * behind a load balancer: what must happen once happens once, and what must hold in total holds in
 * total, whichever instance a fan or a job reaches. The harness ({@link TwoInstances}) shares one
 * clock between them, which the tests move; where a test must be sure that a job ran again after a
 * step (and did nothing more), it runs the job itself on both instances at once, on top of their
 * schedulers.
 *
 * <p>No third instance runs meanwhile: the application context an earlier test class left in
 * Spring's test context cache (its promoter and sweeper on the real clock, a day behind these
 * instances' clock) is paused when this class asks the cache for a context of its own, an empty
 * one, before the two start (Spring's context pausing, {@code ON_CONTEXT_SWITCH}).
 */
@Tag("mariadb")
@SpringJUnitConfig(TwoInstancesTest.NoOtherInstance.class)
class TwoInstancesTest {

    @Configuration(proxyBeanMethods = false)
    static class NoOtherInstance {}

    static final int HOLDS_PER_FAN = 5;
    static final int JOINS_PER_ADDRESS = 8;
    static final Duration POLL_MIN = Duration.ofMillis(500);

    static TwoInstances instances;
    static Instance a;
    static Instance b;

    @BeforeAll
    static void startTwoInstances(ApplicationContext noOtherInstance) {
        instances = TwoInstances.start(
                "stagedoor.web.rate-limits.enabled=true",
                // the limits the tests below count; every other per-address limit stays as shipped
                // (each fan calls from an address of its own)
                "stagedoor.web.rate-limits.hold-per-fan=" + HOLDS_PER_FAN + "/1h",
                "stagedoor.web.rate-limits.join-per-address=" + JOINS_PER_ADDRESS + "/1h",
                "stagedoor.queue.poll-min=" + POLL_MIN.toMillis() + "ms",
                "stagedoor.booking.sweep-interval=200ms");
        a = instances.a();
        b = instances.b();
    }

    @AfterAll
    static void stopThem() {
        if (instances != null) {
            instances.close();
        }
    }

    static JdbcClient jdbc() {
        return instances.jdbc();
    }

    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }

    /** Runs {@code job} on both instances at the same moment, {@code times} times over. */
    static void onBothAtOnce(int times, java.util.function.Consumer<Instance> job) throws Exception {
        for (int i = 0; i < times; i++) {
            Race.run(List.<Callable<Void>>of(
                    () -> {
                        job.accept(a);
                        return null;
                    },
                    () -> {
                        job.accept(b);
                        return null;
                    }));
        }
    }

    static long onSaleConcert() {
        return TestConcerts.published(jdbc(), instances.clock().instant().minus(Duration.ofHours(1)));
    }

    static Fan admittedFan(long concert) {
        var fan = instances.newFan();
        TestConcerts.admit(jdbc(), instances.clock(), concert, fan.id());
        return fan;
    }

    static long count(String sql, Object... params) {
        return jdbc().sql(sql).params(params).query(Long.class).single();
    }

    // ---------------------------------------------------------------- the jobs

    @Test
    void every_cluster_job_of_both_instances_runs_under_its_lock_in_the_database() {
        // the jobs that must run once per tick across instances (README, Several instances)
        var jobs = List.of("queue-promoter", "hold-sweeper", "rate-limit-cleaner");
        eventually()
                .untilAsserted(() -> assertThat(jdbc().sql("SELECT name FROM shedlock WHERE locked_at >= ?")
                                .param(instances.startedAt())
                                .query(String.class)
                                .list())
                        .as("locks taken since the instances started")
                        .containsAll(jobs));
    }

    // ---------------------------------------------------------------- the waiting room

    @Test
    void the_promoter_admits_n_per_interval_in_total_never_n_per_instance_and_never_past_the_cap() throws Exception {
        long concert = onSaleConcert();
        int n = 5;
        int maxActive = 17;
        var organiser = instances.organiser();
        // paused while the fans join, so that the first admission finds the whole line there
        settle(organiser, concert, n, maxActive, true);
        var fans = new ArrayList<Fan>();
        for (int i = 0; i < 40; i++) {
            var fan = instances.newFan();
            var joined = fan.api().post(instances.either(i), "/api/v1/concerts/" + concert + "/queue", null);
            assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
            fans.add(fan);
        }
        settle(organiser, concert, n, maxActive, false);

        for (int interval = 1; interval <= 5; interval++) {
            if (interval > 1) {
                instances.clock().advance(Duration.ofSeconds(10));
            }
            long expected = Math.min((long) interval * n, maxActive);
            eventually()
                    .untilAsserted(() -> assertThat(admitted(concert))
                            .as("admitted, the line being %s", line(concert))
                            .isGreaterThanOrEqualTo(expected));
            // both promoters tick again in this interval, at the same moment, on top of the schedulers
            onBothAtOnce(3, instance -> QueueProbe.tick(instance.context()));
            assertThat(admitted(concert))
                    .as("after %d intervals of %d: %d admitted in total, not %d per instance", interval, n, expected, n)
                    .isEqualTo(expected);
            assertThat(count("SELECT COUNT(*) FROM queue_tokens WHERE concert_id = ? AND status = 'ACTIVE'", concert))
                    .as("never more than maxActive admitted at once")
                    .isLessThanOrEqualTo(maxActive);
        }
        assertThat(jdbc().sql("SELECT seq FROM queue_tokens WHERE concert_id = ? AND status = 'ACTIVE' ORDER BY seq")
                        .param(concert)
                        .query(Long.class)
                        .list())
                .as("the first in line were let in")
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, maxActive).boxed().toList());
        assertThat(count("SELECT admitted_total FROM queue_lines WHERE concert_id = ?", concert))
                .isEqualTo(maxActive);
        // and either instance tells a fan the same
        for (int i = 0; i < fans.size(); i++) {
            var first = fans.get(i).api().get(a, "/api/v1/concerts/" + concert + "/queue");
            var second = fans.get(i).api().get(b, "/api/v1/concerts/" + concert + "/queue");
            assertThat(second.body().get("status").asString())
                    .isEqualTo(first.body().get("status").asString())
                    .isEqualTo(i < maxActive ? "ACTIVE" : "WAIT");
        }
    }

    static void settle(TwoInstances.Client organiser, long concert, int n, int maxActive, boolean paused) {
        var settings = organiser.put(
                a,
                "/api/v1/admin/concerts/" + concert + "/queue-settings",
                "{\"admitCount\":" + n + ",\"admitIntervalSeconds\":10,\"maxActive\":" + maxActive
                        + ",\"activeSeconds\":3600,\"holdSeconds\":300,\"preQueueMinutes\":0,\"paused\":" + paused
                        + "}");
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
    }

    static Map<String, Object> line(long concert) {
        return jdbc().sql("SELECT * FROM queue_lines WHERE concert_id = ?")
                .param(concert)
                .query()
                .singleRow();
    }

    static long admitted(long concert) {
        return count("SELECT COUNT(*) FROM queue_tokens WHERE concert_id = ? AND admitted_at IS NOT NULL", concert);
    }

    @Test
    void the_opening_draw_runs_once_with_both_instances_up_at_the_on_sale_time() throws Exception {
        var salesOpenAt = instances.clock().instant().plus(Duration.ofMinutes(2));
        long concert = TestConcerts.published(jdbc(), salesOpenAt);
        // both instances are asked about the new line at the same moment: one seed, one commitment
        var asked = Race.run(List.<Callable<Answer>>of(
                () -> instances.client(null).get(a, "/api/v1/concerts/" + concert + "/queue/draw"),
                () -> instances.client(null).get(b, "/api/v1/concerts/" + concert + "/queue/draw")));
        String commitment = asked.get(0).body().get("commitment").asString();
        assertThat(asked.get(1).body().get("commitment").asString()).isEqualTo(commitment);

        var fans = joinThePreQueue(concert, 30);
        instances.clock().advance(Duration.ofMinutes(2).plusSeconds(1));
        eventually().until(() -> drawn(concert));
        onBothAtOnce(3, instance -> QueueProbe.tick(instance.context()));

        assertDrawnOnce(concert, commitment, fans);
    }

    @Test
    void the_opening_draw_runs_once_when_neither_instance_was_up_at_the_on_sale_time_and_both_start_at_once() {
        var salesOpenAt = instances.clock().instant().plus(Duration.ofMinutes(1));
        long concert = TestConcerts.published(jdbc(), salesOpenAt);
        String commitment = instances
                .client(null)
                .get(a, "/api/v1/concerts/" + concert + "/queue/draw")
                .body()
                .get("commitment")
                .asString();
        var fans = joinThePreQueue(concert, 20);

        instances.stopBoth();
        instances.clock().advance(Duration.ofMinutes(30));
        instances.startBoth();
        a = instances.a();
        b = instances.b();

        eventually().until(() -> drawn(concert));
        assertDrawnOnce(concert, commitment, fans);
    }

    List<Fan> joinThePreQueue(long concert, int count) {
        var fans = new ArrayList<Fan>();
        for (int i = 0; i < count; i++) {
            var fan = instances.newFan();
            var joined = fan.api().post(instances.either(i), "/api/v1/concerts/" + concert + "/queue", null);
            assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
            assertThat(joined.body().get("position").isNull())
                    .as("no place before the draw")
                    .isTrue();
            fans.add(fan);
        }
        return fans;
    }

    static boolean drawn(long concert) {
        return count("SELECT COUNT(*) FROM queue_draws WHERE concert_id = ? AND drawn_at IS NOT NULL", concert) == 1;
    }

    /** One draw: one seed behind the commitment, every entrant once at places 1..n, the same on both instances. */
    void assertDrawnOnce(long concert, String commitment, List<Fan> fans) {
        var path = "/api/v1/concerts/" + concert + "/queue/draw";
        // an instance keeps an undrawn line's answer for a second (max-age=1), then reads the draw
        eventually()
                .until(() -> instances.both().stream()
                        .allMatch(instance -> !instances
                                .client(null)
                                .get(instance, path)
                                .body()
                                .get("drawnAt")
                                .isNull()));
        var fromA = instances.client(null).get(a, path);
        var fromB = instances.client(null).get(b, path);
        assertThat(fromB.raw()).as("both instances publish the one draw").isEqualTo(fromA.raw());
        var draw = fromA.body();
        assertThat(draw.get("commitment").asString()).isEqualTo(commitment);
        assertThat(sha256Hex(draw.get("seed").asString()))
                .as("the seed is the one committed to")
                .isEqualTo(commitment);
        assertThat(count("SELECT COUNT(*) FROM queue_draws WHERE concert_id = ?", concert))
                .isEqualTo(1);
        assertThat(count("SELECT entrants FROM queue_draws WHERE concert_id = ?", concert))
                .isEqualTo(fans.size());

        var published = new HashMap<String, Long>();
        draw.get("entrants")
                .forEach(entrant -> published.put(
                        entrant.get("ticket").asString(), entrant.get("place").asLong()));
        assertThat(published.values())
                .as("the places are a permutation of 1..%d", fans.size())
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, fans.size()).boxed().toList());
        assertThat(jdbc().sql("SELECT seq FROM queue_tokens WHERE concert_id = ?")
                        .param(concert)
                        .query(Long.class)
                        .list())
                .as("each ticket holds the place the draw published, none twice")
                .containsExactlyInAnyOrderElementsOf(published.values());
        assertThat(count("SELECT last_seq FROM queue_lines WHERE concert_id = ?", concert))
                .isEqualTo(fans.size());
        for (int i = 0; i < fans.size(); i++) {
            var ticket = fans.get(i).api().get(instances.either(i + 1), "/api/v1/concerts/" + concert + "/queue");
            assertThat(published).containsKey(ticket.body().get("drawCode").asString());
        }
    }

    static String sha256Hex(String hexSeed) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(HexFormat.of().parseHex(hexSeed)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    // ---------------------------------------------------------------- holds, expiry, refunds

    @Test
    void holds_racing_through_both_instances_never_sell_a_seat_twice_and_the_losers_hear_seat_unavailable()
            throws Exception {
        long concert = onSaleConcert();
        var seats = TestConcerts.date(jdbc(), concert, 30, 10_000);
        long performance = TestConcerts.performanceOf(jdbc(), seats.get(0));
        var fans = new ArrayList<Fan>();
        var tasks = new ArrayList<Callable<Answer>>();
        for (int i = 0; i < 90; i++) {
            var fan = admittedFan(concert);
            fans.add(fan);
            var pair = List.of(seats.get(i % 29), seats.get(i % 29 + 1));
            var to = instances.either(i);
            tasks.add(() ->
                    fan.api().post(to, "/api/v1/performances/" + performance + "/holds", "{\"seatIds\":" + pair + "}"));
        }
        var answers = Race.run(tasks);

        var held = new ArrayList<Integer>();
        for (int i = 0; i < answers.size(); i++) {
            var answer = answers.get(i);
            if (answer.status() == 201) {
                held.add(i);
            } else {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
                assertThat(answer.code()).as(answer.toString()).isEqualTo(ErrorCode.SEAT_UNAVAILABLE.name());
            }
        }
        assertThat(held).isNotEmpty().hasSizeLessThanOrEqualTo(15);
        assertThat(held.stream().map(instances::either).distinct())
                .as("both instances took holds")
                .hasSize(2);
        assertThat(count("SELECT COUNT(*) FROM seats WHERE performance_id = ? AND status = 'RESERVED'", performance))
                .isEqualTo(2L * held.size());
        assertThat(count(
                        "SELECT COUNT(*) FROM seats s JOIN reservation_seats rs ON rs.live_seat_id = s.id"
                                + " WHERE s.performance_id = ? AND (s.status <> 'RESERVED' OR s.reservation_id <> rs.reservation_id)",
                        performance))
                .as("each reserved seat belongs to the one live reservation that holds it")
                .isZero();

        // each winner pays through both instances at once (a double click that reached both)
        var payments = new ArrayList<Callable<Answer>>();
        for (int i : held) {
            var fan = fans.get(i);
            assertThat(fan.api()
                            .post(a, "/api/v1/wallet/charges", "{\"amount\":100000}")
                            .status())
                    .isEqualTo(200);
            long reservation = answers.get(i).body().get("reservationId").asLong();
            for (var to : instances.both()) {
                payments.add(() -> fan.api().post(to, "/api/v1/reservations/" + reservation + "/payment", null));
            }
        }
        var paid = Race.run(payments);
        for (int p = 0; p < paid.size(); p += 2) {
            var both = List.of(paid.get(p), paid.get(p + 1));
            assertThat(both)
                    .as("one payment of each hold goes through, the other is refused: %s", both)
                    .filteredOn(answer -> answer.status() == 200)
                    .hasSize(1);
            assertThat(both)
                    .filteredOn(answer -> answer.status() != 200)
                    .allSatisfy(answer -> assertThat(answer.code()).isEqualTo(ErrorCode.INVALID_STATE.name()));
        }
        for (int i : held) {
            long fan = fans.get(i).id();
            assertThat(count("SELECT balance FROM wallets WHERE member_id = ?", fan))
                    .as("each fan paid once")
                    .isEqualTo(100_000 - 20_000);
            assertThat(count("SELECT COUNT(*) FROM wallet_transactions WHERE member_id = ? AND type = 'PAYMENT'", fan))
                    .isEqualTo(1);
        }
        assertThat(count("SELECT COUNT(*) FROM seats WHERE performance_id = ? AND status = 'BOOKED'", performance))
                .isEqualTo(2L * held.size());
        assertThat(count(
                        "SELECT COUNT(*) FROM (SELECT rs.seat_id FROM reservation_seats rs JOIN reservations r ON r.id = rs.reservation_id"
                                + " WHERE r.performance_id = ? AND r.status = 'CONFIRM' GROUP BY rs.seat_id HAVING COUNT(*) > 1) twice",
                        performance))
                .as("no seat sold twice")
                .isZero();
    }

    @Test
    void a_lapsed_hold_is_released_once_though_both_instances_sweep_and_its_seats_sell_again() throws Exception {
        long concert = onSaleConcert();
        var seats = TestConcerts.date(jdbc(), concert, 10, 10_000);
        long performance = TestConcerts.performanceOf(jdbc(), seats.get(0));
        var lapsing = new ArrayList<Long>();
        var fans = new ArrayList<Fan>();
        for (int i = 0; i < 5; i++) {
            var fan = admittedFan(concert);
            fans.add(fan);
            lapsing.add(hold(fan, instances.either(i), performance, seats.subList(2 * i, 2 * i + 2)));
        }
        long versionHeld = count("SELECT version FROM reservations WHERE id = ?", lapsing.get(0));

        instances.clock().advance(Duration.ofSeconds(301)); // the holds last 300 s
        eventually()
                .until(() -> count(
                                "SELECT COUNT(*) FROM reservations WHERE performance_id = ? AND status = 'REQUEST'",
                                performance)
                        == 0);
        // both sweep again at once (what they find is the whole database's: this test checks its own holds)
        onBothAtOnce(3, instance -> BookingProbe.sweep(instance.context()));

        for (int i = 0; i < lapsing.size(); i++) {
            long reservation = lapsing.get(i);
            var seen = fans.get(i).api().get(instances.either(i + 1), "/api/v1/reservations/" + reservation);
            assertThat(seen.body().get("status").asString()).as(seen.toString()).isEqualTo("CANCEL");
            assertThat(jdbc().sql("SELECT cancel_reason FROM reservations WHERE id = ?")
                            .param(reservation)
                            .query(String.class)
                            .single())
                    .isEqualTo("EXPIRED");
            assertThat(count("SELECT version FROM reservations WHERE id = ?", reservation))
                    .as("released by one save, not two")
                    .isEqualTo(versionHeld + 1);
            assertThat(count(
                            "SELECT seats FROM fan_seat_counts WHERE member_id = ? AND performance_id = ?",
                            fans.get(i).id(),
                            performance))
                    .as("the fan's seats given back once")
                    .isZero();
            assertThat(count(
                            "SELECT COUNT(*) FROM wallet_transactions WHERE member_id = ?",
                            fans.get(i).id()))
                    .as("a hold moves no money, coming or going")
                    .isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM seats WHERE performance_id = ? AND status = 'AVAILABLE'", performance))
                .isEqualTo(10);

        // the released seats are held again; both sweepers keep running and leave the new holds alone
        var again = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            again.add(
                    hold(admittedFan(concert), instances.either(i + 1), performance, seats.subList(2 * i, 2 * i + 2)));
        }
        instances.clock().advance(Duration.ofSeconds(60));
        onBothAtOnce(3, instance -> BookingProbe.sweep(instance.context()));
        for (long reservation : again) {
            assertThat(jdbc().sql("SELECT status FROM reservations WHERE id = ?")
                            .param(reservation)
                            .query(String.class)
                            .single())
                    .isEqualTo("REQUEST");
            assertThat(count(
                            "SELECT COUNT(*) FROM seats WHERE reservation_id = ? AND status = 'RESERVED'", reservation))
                    .isEqualTo(2);
        }
    }

    static long hold(Fan fan, Instance to, long performance, List<Long> seats) {
        var held = fan.api().post(to, "/api/v1/performances/" + performance + "/holds", "{\"seatIds\":" + seats + "}");
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        return held.body().get("reservationId").asLong();
    }

    @Test
    void cancelling_a_date_through_both_instances_while_its_fans_ask_for_refunds_refunds_each_booking_once()
            throws Exception {
        long concert = onSaleConcert();
        var seats = TestConcerts.date(jdbc(), concert, 20, 10_000);
        long performance = TestConcerts.performanceOf(jdbc(), seats.get(0));
        var fans = new ArrayList<Fan>();
        var bookings = new ArrayList<Long>();
        for (int i = 0; i < 10; i++) {
            var fan = admittedFan(concert);
            fans.add(fan);
            assertThat(fan.api()
                            .post(instances.either(i), "/api/v1/wallet/charges", "{\"amount\":100000}")
                            .status())
                    .isEqualTo(200);
            long reservation = hold(fan, instances.either(i + 1), performance, seats.subList(2 * i, 2 * i + 2));
            var paid = fan.api().post(instances.either(i), "/api/v1/reservations/" + reservation + "/payment", null);
            assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
            bookings.add(reservation);
        }

        var cancellations = new ArrayList<Callable<Optional<ErrorCode>>>();
        for (var instance : instances.both()) {
            cancellations.add(() -> BookingProbe.cancelDate(instance.context(), performance, "organiser-" + instance));
        }
        var refunds = new ArrayList<Callable<Optional<ErrorCode>>>();
        for (int i = 0; i < fans.size(); i++) {
            var fan = fans.get(i);
            var to = instances.either(i + 1);
            long reservation = bookings.get(i);
            refunds.add(() -> {
                var answer = fan.api().post(to, "/api/v1/reservations/" + reservation + "/refund", null);
                if (answer.status() == 200) {
                    return Optional.empty();
                }
                assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
                return Optional.of(ErrorCode.valueOf(answer.code()));
            });
        }
        var all = new ArrayList<Callable<Optional<ErrorCode>>>(cancellations);
        all.addAll(refunds);
        var outcomes = Race.run(all);

        assertThat(outcomes.subList(0, 2))
                .as("one of the two cancellations ran, the other found the date cancelled")
                .containsExactlyInAnyOrder(Optional.empty(), Optional.of(ErrorCode.PERFORMANCE_CANCELLED));
        long refundedByFans = outcomes.subList(2, outcomes.size()).stream()
                .filter(Optional::isEmpty)
                .count();
        assertThat(outcomes.subList(2, outcomes.size()))
                .filteredOn(Optional::isPresent)
                .as("a fan who lost the race to the cancellation is told the booking is no longer paid")
                .allSatisfy(refused -> assertThat(refused).contains(ErrorCode.INVALID_STATE));
        assertThat(count("SELECT refunded FROM performance_cancellations WHERE performance_id = ?", performance)
                        + refundedByFans)
                .as("every booking refunded, by the cancellation or by its fan")
                .isEqualTo(bookings.size());

        for (int i = 0; i < fans.size(); i++) {
            long fan = fans.get(i).id();
            long reservation = bookings.get(i);
            assertThat(jdbc().sql("SELECT status FROM reservations WHERE id = ?")
                            .param(reservation)
                            .query(String.class)
                            .single())
                    .isEqualTo("REFUNDED");
            assertThat(count("SELECT COUNT(*) FROM wallet_transactions WHERE member_id = ? AND type = 'REFUND'", fan))
                    .as("one refund per booking")
                    .isEqualTo(1);
            var ledger = jdbc().sql("SELECT type, amount, balance_after FROM wallet_transactions WHERE member_id = ?"
                            + " ORDER BY id")
                    .param(fan)
                    .query((rs, row) -> new long[] {rs.getLong("amount"), rs.getLong("balance_after")})
                    .list();
            long sum = ledger.stream().mapToLong(entry -> entry[0]).sum();
            assertThat(count("SELECT balance FROM wallets WHERE member_id = ?", fan))
                    .as("the wallet is its ledger: top-up, payment, one full refund")
                    .isEqualTo(sum)
                    .isEqualTo(ledger.get(ledger.size() - 1)[1])
                    .isEqualTo(100_000);
            assertThat(count("SELECT COUNT(*) FROM tickets WHERE reservation_id = ? AND status <> 'VOID'", reservation))
                    .isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM seats WHERE performance_id = ? AND status <> 'AVAILABLE'", performance))
                .isZero();
    }

    // ---------------------------------------------------------------- rate limits

    @Test
    void a_fan_spreading_holds_over_both_instances_gets_no_more_than_the_limit_in_total() {
        long concert = onSaleConcert();
        var seats = TestConcerts.date(jdbc(), concert, 4, 10_000);
        long performance = TestConcerts.performanceOf(jdbc(), seats.get(0));
        var fan = admittedFan(concert);
        var answers = new ArrayList<Answer>();
        for (int i = 0; i < 3 * HOLDS_PER_FAN; i++) {
            answers.add(fan.api()
                    .post(
                            instances.either(i),
                            "/api/v1/performances/" + performance + "/holds",
                            "{\"seatIds\":[" + seats.get(0) + "]}"));
        }
        assertThat(answers)
                .as("%d holds in total through both instances, then 429", HOLDS_PER_FAN)
                .filteredOn(answer -> answer.status() != 429)
                .hasSize(HOLDS_PER_FAN);
        assertRefusedAsRateLimited(answers.subList(HOLDS_PER_FAN, answers.size()));
    }

    @Test
    void fans_of_one_address_spread_over_both_instances_get_no_more_joins_than_the_address_limit_in_total() {
        long concert = onSaleConcert();
        var address = TwoInstances.newAddress();
        var answers = new ArrayList<Answer>();
        for (int i = 0; i < 2 * JOINS_PER_ADDRESS; i++) {
            answers.add(instances
                    .newFan()
                    .api()
                    .from(address)
                    .post(instances.either(i), "/api/v1/concerts/" + concert + "/queue", null));
        }
        assertThat(answers)
                .as("%d joins from the address through both instances, then 429", JOINS_PER_ADDRESS)
                .filteredOn(answer -> answer.status() == 200)
                .hasSize(JOINS_PER_ADDRESS);
        assertRefusedAsRateLimited(answers.subList(JOINS_PER_ADDRESS, answers.size()));
    }

    static void assertRefusedAsRateLimited(List<Answer> refused) {
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
            assertThat(answer.code()).isEqualTo(ErrorCode.RATE_LIMITED.name());
            assertThat(answer.response().headers().firstValue("Retry-After")).isPresent();
        });
    }

    /**
     * Polls read no database, so their pace is kept by each instance: a fan who polls as told is
     * never refused wherever each poll goes, and one who polls sooner than the instance last told
     * them is refused with the time that is left. (A balancer sends each fan's polls to one
     * instance, which makes it one pace: {@code bin/cluster}, README.) The instances share the
     * test's clock, so "as told" is the clock moved on by each answer's interval.
     */
    @Test
    void polls_are_held_to_the_pace_each_instance_told_and_a_fan_polling_as_told_through_both_is_never_refused() {
        long concert = onSaleConcert();
        var fan = instances.newFan();
        assertThat(fan.api()
                        .post(a, "/api/v1/concerts/" + concert + "/queue", null)
                        .status())
                .isEqualTo(200);
        var poll = "/api/v1/concerts/" + concert + "/queue";

        // as told, to either instance in turn
        long told = 0;
        for (int i = 0; i < 6; i++) {
            instances.clock().advance(Duration.ofMillis(told));
            var answer = fan.api().get(instances.either(i), poll);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            told = answer.body().get("pollAfterMillis").asLong();
        }

        // sooner than told, at one moment: each instance answers at most the one poll that is due
        // there (the last it answered was two intervals ago), and refuses the rest
        Map<Instance, Long> allowed = new HashMap<>();
        var flood = new ArrayList<Answer>();
        for (int i = 0; i < 12; i++) {
            var to = instances.either(i);
            var answer = fan.api().get(to, poll);
            flood.add(answer);
            if (answer.status() == 200) {
                allowed.merge(to, 1L, Long::sum);
            }
        }
        var refused = flood.stream().filter(answer -> answer.status() != 200).collect(Collectors.toList());
        assertThat(refused).hasSizeGreaterThanOrEqualTo(10);
        assertRefusedAsRateLimited(refused);
        for (var instance : instances.both()) {
            assertThat(allowed.getOrDefault(instance, 0L))
                    .as("polls %s let through", instance)
                    .isLessThanOrEqualTo(1);
        }

        // and once the times they named have passed, the fan is answered again on both
        long wait = told;
        for (var answer : flood) {
            wait = Math.max(
                    wait,
                    answer.status() == 200
                            ? answer.body().get("pollAfterMillis").asLong()
                            : 1000
                                    * Long.parseLong(answer.response()
                                            .headers()
                                            .firstValue("Retry-After")
                                            .orElseThrow()));
        }
        instances.clock().advance(Duration.ofMillis(wait));
        for (var instance : instances.both()) {
            assertThat(fan.api().get(instance, poll).status()).isEqualTo(200);
        }
    }
}
