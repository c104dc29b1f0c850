package app.stagedoor.concert;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The module's read API: what is on sale, its dates, and the seat map of a date. */
@Service
public class Catalogue {

    private final ConcertRepository concerts;
    private final PerformanceRepository performances;
    private final SeatStore seats;
    private final PosterStore posters;
    private final JdbcClient jdbc;
    private final PerformanceCancellations cancellations;
    private final Clock clock;
    private final CatalogueSnapshots<PageKey, CataloguePage> pages;
    private final CatalogueSnapshots<Long, Optional<PublicConcert>> publicConcerts;

    /** The largest page anyone may ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    private record PageKey(int number, int size) {}

    Catalogue(
            ConcertRepository concerts,
            PerformanceRepository performances,
            SeatStore seats,
            PosterStore posters,
            JdbcClient jdbc,
            PerformanceCancellations cancellations,
            ConcertProperties properties,
            Clock clock) {
        this.concerts = concerts;
        this.performances = performances;
        this.seats = seats;
        this.posters = posters;
        this.jdbc = jdbc;
        this.cancellations = cancellations;
        this.clock = clock;
        var ttl = properties.publicPages().snapshotTtl();
        this.pages = new CatalogueSnapshots<>(ttl, 1_000);
        this.publicConcerts = new CatalogueSnapshots<>(ttl, 10_000);
    }

    /** Any concert, published or not (for organisers and other modules). */
    public Optional<ConcertView> findConcert(long concertId) {
        return concerts.findById(concertId).map(this::view);
    }

    /** A concert fans may see. */
    public ConcertView publishedConcert(long concertId) {
        return findConcert(concertId).filter(ConcertView::published).orElseThrow(DomainException::notFound);
    }

    /**
     * A page of the published concerts, those opening soonest first, as this instance read it at
     * most {@code stagedoor.concert.public-pages.snapshot-ttl} ago. Five reads, whatever the number
     * of concerts. A page past the last one is empty.
     *
     * @throws DomainException {@code VALIDATION} for a page below 1 or a size outside 1 to {@link #MAX_PAGE_SIZE}
     */
    public CataloguePage publishedPage(int number, int size) {
        if (number < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new DomainException(ErrorCode.VALIDATION);
        }
        return pages.get(new PageKey(number, size), this::readPage);
    }

    /**
     * A published concert with its dates that were not cancelled and their seats left, as this
     * instance read them at most {@code stagedoor.concert.public-pages.snapshot-ttl} ago.
     *
     * @throws DomainException {@code NOT_FOUND} when no such concert is published
     */
    public PublicConcert publicConcert(long concertId) {
        return publicConcerts.get(concertId, this::readPublicConcert).orElseThrow(DomainException::notFound);
    }

    private Optional<PublicConcert> readPublicConcert(long concertId) {
        return findConcert(concertId).filter(ConcertView::published).map(concert -> {
            var dates = datesOf(concertId);
            var cancelled = cancellations.cancelledAmong(
                    dates.stream().map(PerformanceAvailability::id).toList());
            var kept = dates.stream().filter(d -> !cancelled.contains(d.id())).toList();
            return new PublicConcert(concert, kept, CatalogueSnapshots.versionOf(List.of(concert, kept)));
        });
    }

    private CataloguePage readPage(PageKey key) {
        long total = jdbc.sql("SELECT COUNT(*) FROM concerts WHERE published = TRUE AND " + ConcertRepository.SANE)
                .query(Long.class)
                .single();
        var page = jdbc.sql("SELECT id, title, artist, venue, description, time_zone, sales_open_at,"
                        + " max_seats_per_member, created_at, version FROM concerts WHERE published = TRUE AND "
                        + ConcertRepository.SANE + " ORDER BY sales_open_at, id LIMIT :size OFFSET :offset")
                .param("size", key.size())
                .param("offset", (long) (key.number() - 1) * key.size())
                .query(Catalogue::publishedConcertRow)
                .list();
        var views = page.isEmpty() ? List.<ConcertView>of() : withTheirParts(page);
        return new CataloguePage(
                views, key.number(), key.size(), total, CatalogueSnapshots.versionOf(List.of(total, views)));
    }

    /** A published concert's row, its sections still to come. */
    private static Concert publishedConcertRow(ResultSet rs, int n) throws SQLException {
        return new Concert(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("artist"),
                rs.getString("venue"),
                rs.getString("description"),
                rs.getString("time_zone"),
                rs.getTimestamp("sales_open_at").toInstant(),
                rs.getInt("max_seats_per_member"),
                true,
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"),
                List.of());
    }

    /** The concerts with their sections, dates and posters: three reads for any number of concerts. */
    private List<ConcertView> withTheirParts(List<Concert> page) {
        var ids = page.stream().map(Concert::id).toList();
        var sections = new HashMap<Long, List<Section>>();
        jdbc.sql("SELECT concert_id, name, seat_rows, seats_per_row, price FROM concert_sections"
                        + " WHERE concert_id IN (:ids) ORDER BY concert_id, position")
                .param("ids", ids)
                .query((rs, n) -> sections.computeIfAbsent(rs.getLong("concert_id"), id -> new ArrayList<>())
                        .add(new Section(
                                rs.getString("name"),
                                rs.getInt("seat_rows"),
                                rs.getInt("seats_per_row"),
                                rs.getLong("price"))))
                .list();
        var dates = performances.findByConcerts(ids).stream().collect(Collectors.groupingBy(Performance::concertId));
        var withPoster = new HashSet<>(jdbc.sql("SELECT concert_id FROM posters WHERE concert_id IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .list());
        return page.stream()
                .map(c -> {
                    c.redrawSeatMap(sections.getOrDefault(c.id(), List.of()));
                    return ConcertView.of(c, withPoster.contains(c.id()), dates.getOrDefault(c.id(), List.of()));
                })
                .toList();
    }

    /** Every concert, newest first, for the organiser. */
    public List<ConcertView> allConcerts() {
        var all = concerts.findAllNewestFirst();
        if (all.isEmpty()) {
            return List.of();
        }
        var dates = performances.findByConcerts(all.stream().map(Concert::id).toList()).stream()
                .collect(Collectors.groupingBy(Performance::concertId));
        var withPoster = posters.concertsWithPoster();
        return all.stream()
                .map(c -> ConcertView.of(c, withPoster.contains(c.id()), dates.getOrDefault(c.id(), List.of())))
                .toList();
    }

    /** The dates of a concert with their free and total seats right now. */
    public List<PerformanceAvailability> datesOf(long concertId) {
        var dates = performances.findByConcert(concertId);
        var counts = seats.availability(dates.stream().map(Performance::id).toList(), clock.instant());
        return dates.stream()
                .map(p -> {
                    var count = counts.getOrDefault(p.id(), new SeatStore.Count(0, 0));
                    return new PerformanceAvailability(p.id(), p.startsAt(), count.available(), count.total());
                })
                .toList();
    }

    /** The terms of selling a date's seats, in one read. */
    public Optional<SaleTerms> saleTerms(long performanceId) {
        return jdbc.sql("SELECT " + SaleTerms.COLUMNS + SaleTerms.FROM + " WHERE p.id = ? AND " + SaleTerms.SANE)
                .param(performanceId)
                .query((rs, n) -> SaleTerms.read(rs))
                .optional();
    }

    /** The dates fans may still buy: those that have not begun and were not cancelled. */
    public List<PerformanceAvailability> upcomingDatesOf(long concertId) {
        var now = clock.instant();
        var dates = datesOf(concertId);
        var cancelled = cancellations.cancelledAmong(
                dates.stream().map(PerformanceAvailability::id).toList());
        return dates.stream()
                .filter(d -> d.startsAt().isAfter(now) && !cancelled.contains(d.id()))
                .toList();
    }

    public Optional<PerformanceView> findPerformance(long performanceId) {
        return performances.findById(performanceId).map(PerformanceView::of);
    }

    /** The seat map of a date as it is right now. */
    public SeatMapView seatMap(long performanceId) {
        var performance = findPerformance(performanceId).orElseThrow(DomainException::notFound);
        var concert = findConcert(performance.concertId()).orElseThrow(DomainException::notFound);
        return SeatMapView.layOut(concert, performance, seats.seatsOf(performanceId, clock.instant()));
    }

    /**
     * The seat map of a date as it is right now, read from the map {@code before} it: the concert,
     * the date and only the seats that are held or sold (every other seat is free), each seat kept
     * as it was unless its status moved. A date whose seats are no longer those of {@code before}
     * (its seat map was drawn again) is read whole.
     */
    SeatMapView seatMapAgain(SeatMapView before) {
        long performanceId = before.performance().id();
        var performance = findPerformance(performanceId).orElseThrow(DomainException::notFound);
        var concert = findConcert(performance.concertId()).orElseThrow(DomainException::notFound);
        var seatsBefore = before.seats();
        if (!seats.shapeOf(performanceId).equals(SeatStore.Shape.of(seatsBefore))) {
            return SeatMapView.layOut(concert, performance, seats.seatsOf(performanceId, clock.instant()));
        }
        var taken = seats.takenOf(performanceId, clock.instant());
        var now = seatsBefore.stream()
                .map(seat -> seat.withStatus(taken.getOrDefault(seat.id(), SeatStatus.AVAILABLE)))
                .toList();
        return SeatMapView.layOut(concert, performance, now);
    }

    private ConcertView view(Concert concert) {
        return ConcertView.of(concert, posters.exists(concert.id()), performances.findByConcert(concert.id()));
    }
}
