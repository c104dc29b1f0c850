package app.stagedoor.concert;

import app.stagedoor.shared.DomainException;
import java.time.Clock;
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

    Catalogue(
            ConcertRepository concerts,
            PerformanceRepository performances,
            SeatStore seats,
            PosterStore posters,
            JdbcClient jdbc,
            PerformanceCancellations cancellations,
            Clock clock) {
        this.concerts = concerts;
        this.performances = performances;
        this.seats = seats;
        this.posters = posters;
        this.jdbc = jdbc;
        this.cancellations = cancellations;
        this.clock = clock;
    }

    /** Any concert, published or not (for organisers and other modules). */
    public Optional<ConcertView> findConcert(long concertId) {
        return concerts.findById(concertId).map(this::view);
    }

    /** A concert fans may see. */
    public ConcertView publishedConcert(long concertId) {
        return findConcert(concertId).filter(ConcertView::published).orElseThrow(DomainException::notFound);
    }

    /** Published concerts, those opening soonest first. */
    public List<ConcertView> publishedConcerts() {
        var published = concerts.findPublished();
        if (published.isEmpty()) {
            return List.of();
        }
        var dates = performances
                .findByConcerts(published.stream().map(Concert::id).toList())
                .stream()
                .collect(Collectors.groupingBy(Performance::concertId));
        var withPoster = posters.concertsWithPoster();
        return published.stream()
                .map(c -> ConcertView.of(c, withPoster.contains(c.id()), dates.getOrDefault(c.id(), List.of())))
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

    /** The terms of selling a date's seats, in one read (holds ask this on every attempt). */
    public Optional<SaleTerms> saleTerms(long performanceId) {
        return jdbc.sql("SELECT p.id, p.concert_id, c.published, c.sales_open_at, c.max_seats_per_member, p.starts_at,"
                        + " pc.performance_id IS NOT NULL FROM performances p JOIN concerts c ON c.id = p.concert_id"
                        + " LEFT JOIN performance_cancellations pc ON pc.performance_id = p.id WHERE p.id = ?"
                        + " AND " + PerformanceRepository.SANE + " AND " + ConcertRepository.SANE)
                .param(performanceId)
                .query((rs, n) -> new SaleTerms(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getInt(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getBoolean(7)))
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

    private ConcertView view(Concert concert) {
        return ConcertView.of(concert, posters.exists(concert.id()), performances.findByConcert(concert.id()));
    }
}
