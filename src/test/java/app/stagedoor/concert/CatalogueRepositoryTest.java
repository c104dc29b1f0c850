package app.stagedoor.concert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue's storage and its seat queries, on H2 and on MariaDB. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({
    SeatStore.class,
    PosterStore.class,
    ConcertOrganiser.class,
    Catalogue.class,
    PerformanceCancellations.class,
    CatalogueRepositoryTest.Time.class
})
@Tag("database")
@Transactional(propagation = Propagation.NOT_SUPPORTED) // each organiser call commits or rolls back on its own
class CatalogueRepositoryTest {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @TestConfiguration
    @EnableConfigurationProperties(ConcertProperties.class) // the catalogue's snapshot ttl
    static class Time {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    ConcertOrganiser organiser;

    @Autowired
    Catalogue catalogue;

    @Autowired
    SeatStore seats;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    ConcertOrganiser.Created aConcertWithTwoDates() {
        return organiser.create(new ConcertPlan(
                "Repo",
                "Artist",
                "Venue",
                "",
                "Asia/Seoul",
                NOW.minusSeconds(60),
                4,
                List.of(new SectionSpec("VIP", 2, 3, 150_000L), new SectionSpec("R", 3, 4, 90_000L)),
                List.of(
                        new ConcertPlan.PerformanceSpec(NOW.plusSeconds(86_400)),
                        new ConcertPlan.PerformanceSpec(NOW.plusSeconds(2 * 86_400))),
                true));
    }

    void hold(long seatId, Instant until) {
        jdbc.sql("UPDATE seats SET status = 'RESERVED', reservation_id = 99, held_until = ? WHERE id = ?")
                .params(Timestamp.from(until), seatId)
                .update();
    }

    void book(long seatId) {
        jdbc.sql("UPDATE seats SET status = 'BOOKED', reservation_id = 99 WHERE id = ?")
                .param(seatId)
                .update();
    }

    @Test
    void every_date_gets_the_whole_seat_map_in_map_order() {
        var created = aConcertWithTwoDates();
        var map = catalogue.seatMap(created.performanceIds().get(0));
        assertThat(map.sections()).extracting(SeatMapView.SectionSeats::name).containsExactly("VIP", "R");
        assertThat(map.sections().get(0).rows()).hasSize(2);
        assertThat(map.sections().get(1).rows()).hasSize(3);
        assertThat(map.seats()).hasSize(2 * 3 + 3 * 4).allMatch(SeatView::isAvailable);
        assertThat(map.seats().get(0))
                .extracting(SeatView::section, SeatView::row, SeatView::number, SeatView::price)
                .containsExactly("VIP", 1, 1, 150_000L);
        assertThat(catalogue.datesOf(created.id()))
                .extracting(PerformanceAvailability::availableSeats, PerformanceAvailability::totalSeats)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(18, 18), org.assertj.core.groups.Tuple.tuple(18, 18));
    }

    @Test
    void held_and_sold_seats_are_not_free_but_a_lapsed_hold_is() {
        var created = aConcertWithTwoDates();
        long date = created.performanceIds().get(0);
        var ids = catalogue.seatMap(date).seats().stream().map(SeatView::id).toList();
        hold(ids.get(0), NOW.plusSeconds(300));
        hold(ids.get(1), NOW.minusSeconds(1));
        book(ids.get(2));

        var statuses =
                catalogue.seatMap(date).seats().stream().collect(Collectors.toMap(SeatView::id, SeatView::status));
        assertThat(statuses.get(ids.get(0))).isEqualTo(SeatStatus.RESERVED);
        assertThat(statuses.get(ids.get(1))).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(statuses.get(ids.get(2))).isEqualTo(SeatStatus.BOOKED);
        assertThat(catalogue.datesOf(created.id()).get(0).availableSeats()).isEqualTo(16);
        assertThat(catalogue.datesOf(created.id()).get(1).availableSeats()).isEqualTo(18);
    }

    @Test
    void the_seat_map_cannot_change_once_a_seat_is_held_and_nothing_changes() {
        var created = aConcertWithTwoDates();
        long second = created.performanceIds().get(1);
        hold(catalogue.seatMap(second).seats().get(5).id(), NOW.plusSeconds(300));

        var redrawn = new ConcertPlan(
                "Repo",
                "Artist",
                "Venue",
                "",
                "Asia/Seoul",
                NOW.minusSeconds(60),
                4,
                List.of(new SectionSpec("Floor", 10, 10, 50_000L)),
                List.of(),
                false);
        assertThatThrownBy(() -> organiser.update(created.id(), redrawn))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SEAT_MAP_LOCKED));

        assertThat(catalogue.seatMap(created.performanceIds().get(0)).seats()).hasSize(18);
        assertThat(catalogue.findConcert(created.id()).orElseThrow().sections())
                .extracting(ConcertView.SectionView::name)
                .containsExactly("VIP", "R");
    }

    @Test
    void a_new_seat_map_is_drawn_for_every_date_while_nothing_is_sold() {
        var created = aConcertWithTwoDates();
        var redrawn = new ConcertPlan(
                "Renamed",
                "Artist",
                "Venue",
                "",
                "Asia/Seoul",
                NOW.minusSeconds(60),
                2,
                List.of(new SectionSpec("Floor", 10, 10, 50_000L)),
                List.of(),
                false);
        organiser.update(created.id(), redrawn);
        for (long date : created.performanceIds()) {
            assertThat(catalogue.seatMap(date).seats())
                    .hasSize(100)
                    .allMatch(s -> s.section().equals("Floor"));
        }
        assertThat(catalogue.findConcert(created.id()).orElseThrow().title()).isEqualTo("Renamed");
    }

    @Test
    void a_date_with_a_sold_seat_cannot_be_removed_but_an_empty_one_can() {
        var created = aConcertWithTwoDates();
        long first = created.performanceIds().get(0);
        long second = created.performanceIds().get(1);
        book(catalogue.seatMap(first).seats().get(0).id());

        assertThatThrownBy(() -> organiser.removePerformance(created.id(), first))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PERFORMANCE_LOCKED));
        assertThat(catalogue.seatMap(first).seats()).hasSize(18);

        organiser.removePerformance(created.id(), second);
        assertThat(catalogue.datesOf(created.id()))
                .extracting(PerformanceAvailability::id)
                .containsExactly(first);
    }

    @Test
    void a_map_read_again_from_the_one_before_is_the_map_a_whole_read_finds() {
        var created = aConcertWithTwoDates();
        long date = created.performanceIds().get(0);
        var before = catalogue.seatMap(date);
        var ids = before.seats().stream().map(SeatView::id).toList();
        hold(ids.get(0), NOW.plusSeconds(300));
        hold(ids.get(1), NOW.minusSeconds(1)); // lapsed: free on the map
        book(ids.get(2));
        hold(seatOf(created.performanceIds().get(1)), NOW.plusSeconds(300)); // another date's

        var again = catalogue.seatMapAgain(before);

        assertThat(again).isEqualTo(catalogue.seatMap(date));
        assertThat(again.seats())
                .extracting(SeatView::status)
                .startsWith(SeatStatus.RESERVED, SeatStatus.AVAILABLE, SeatStatus.BOOKED, SeatStatus.AVAILABLE);
        // what did not move is the very seat of the map before
        assertThat(again.seats().get(5)).isSameAs(before.seats().get(5));
    }

    @Test
    void a_map_read_again_after_the_seat_map_was_drawn_anew_is_read_whole() {
        var created = aConcertWithTwoDates();
        long date = created.performanceIds().get(0);
        var before = catalogue.seatMap(date);
        organiser.update(
                created.id(),
                new ConcertPlan(
                        "Redrawn",
                        "Artist",
                        "Venue",
                        "",
                        "Asia/Seoul",
                        NOW.minusSeconds(60),
                        2,
                        List.of(new SectionSpec("S", 2, 3, 70_000L)),
                        List.of(),
                        false));

        var again = catalogue.seatMapAgain(before);

        assertThat(again).isEqualTo(catalogue.seatMap(date));
        assertThat(again.sections()).extracting(SeatMapView.SectionSeats::name).containsExactly("S");
        assertThat(again.seats())
                .hasSize(6)
                .noneMatch(seat -> before.seats().stream().anyMatch(old -> old.id() == seat.id()));
    }

    private long seatOf(long performanceId) {
        return catalogue.seatMap(performanceId).seats().get(0).id();
    }

    @Test
    void the_seat_queries_use_their_indexes() {
        for (int i = 0; i < 6; i++) {
            aConcertWithTwoDates();
        }
        long date = aConcertWithTwoDates().performanceIds().get(0);
        if (isMariaDb()) {
            jdbc.sql("ANALYZE TABLE seats").query().listOfRows();
        }
        assertThat(plan("SELECT performance_id, COUNT(*) FROM seats WHERE performance_id IN (" + date
                        + ") AND status = 'AVAILABLE' GROUP BY performance_id"))
                .contains("ix_seats_availability");
        assertThat(plan("SELECT id FROM seats WHERE performance_id = " + date
                        + " ORDER BY tier, seat_row, seat_number"))
                .containsAnyOf("uk_seats_place", "ix_seats_availability");
        assertThat(plan("SELECT id, status, held_until FROM seats WHERE performance_id = " + date
                        + " AND status IN ('RESERVED', 'BOOKED')"))
                .contains("ix_seats_availability");
        assertThat(plan("SELECT id FROM seats WHERE reservation_id = 5")).contains("ix_seats_reservation");
        assertThat(plan("SELECT id FROM performances WHERE concert_id = 5 ORDER BY starts_at"))
                .contains("ix_performances_concert");
    }

    private boolean isMariaDb() {
        try (var connection = dataSource.getConnection()) {
            return connection
                            .getMetaData()
                            .getDatabaseProductName()
                            .toLowerCase(Locale.ROOT)
                            .contains("maria")
                    || connection
                            .getMetaData()
                            .getDatabaseProductName()
                            .toLowerCase(Locale.ROOT)
                            .contains("mysql");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The query plan as text: H2 names the index in a comment, MariaDB in the {@code key} column. */
    private String plan(String sql) {
        return jdbc.sql("EXPLAIN " + sql).query().listOfRows().stream()
                .map(row -> row.values().toString())
                .collect(Collectors.joining(" "))
                .toLowerCase(Locale.ROOT);
    }
}
