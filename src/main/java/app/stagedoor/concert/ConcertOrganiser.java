package app.stagedoor.concert;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * What organisers do to the catalogue. Each method is one transaction: a concert with its dates and
 * seats is created whole or not at all, and a seat map or a date changes only while none of its
 * seats is held or sold.
 */
@Service
@Validated
class ConcertOrganiser {

    record Created(long id, List<Long> performanceIds) {}

    private final ConcertRepository concerts;
    private final PerformanceRepository performances;
    private final SeatStore seats;
    private final PosterStore posters;
    private final Clock clock;

    ConcertOrganiser(
            ConcertRepository concerts,
            PerformanceRepository performances,
            SeatStore seats,
            PosterStore posters,
            Clock clock) {
        this.concerts = concerts;
        this.performances = performances;
        this.seats = seats;
        this.posters = posters;
        this.clock = clock;
    }

    @Transactional
    Created create(@Valid ConcertPlan plan) {
        var concert = concerts.save(Concert.plan(plan, clock.instant()));
        var ids = plan.performances().stream()
                .map(p -> addPerformance(concert, p.startsAt()))
                .toList();
        return new Created(concert.id(), ids);
    }

    /**
     * New details and, when it differs, a new seat map for every date. The sales may not open
     * after a date that exists, and the seat map cannot change once any seat is held or sold.
     */
    @Transactional
    void update(long concertId, @Valid ConcertPlan plan) {
        var concert = concert(concertId);
        var dates = performances.findByConcert(concertId);
        if (dates.stream().anyMatch(p -> !p.startsAt().isAfter(plan.salesOpenAt()))) {
            throw invalid("salesOpenAt");
        }
        concert.describe(plan);
        var redrawn = plan.sections().stream().map(Section::of).toList();
        if (!redrawn.equals(concert.sections())) {
            dates.forEach(date -> clearSeats(date.id(), ErrorCode.SEAT_MAP_LOCKED));
            concert.redrawSeatMap(redrawn);
            concerts.save(concert);
            dates.forEach(date -> seats.create(date.id(), concert.sections()));
        } else {
            concerts.save(concert);
        }
    }

    @Transactional
    long addPerformance(long concertId, Instant startsAt) {
        return addPerformance(concert(concertId), startsAt);
    }

    @Transactional
    void removePerformance(long concertId, long performanceId) {
        var date = performances
                .findById(performanceId)
                .filter(p -> p.concertId() == concertId)
                .orElseThrow(DomainException::notFound);
        clearSeats(date.id(), ErrorCode.PERFORMANCE_LOCKED);
        performances.delete(date);
    }

    @Transactional
    void publish(long concertId) {
        var concert = concert(concertId);
        concert.publish(!performances.findByConcert(concertId).isEmpty());
        concerts.save(concert);
    }

    @Transactional
    void unpublish(long concertId) {
        var concert = concert(concertId);
        concert.unpublish();
        concerts.save(concert);
    }

    @Transactional
    void savePoster(long concertId, PosterImage poster) {
        concert(concertId);
        posters.save(concertId, poster, clock.instant());
    }

    private long addPerformance(Concert concert, Instant startsAt) {
        if (!SaneDates.contains(startsAt)) {
            throw invalid("startsAt", "concert.date.range");
        }
        if (!concert.allowsPerformanceAt(startsAt)) {
            throw invalid("startsAt", "concert.startsAt.beforeSales");
        }
        if (performances.findByConcert(concert.id()).stream()
                .anyMatch(p -> p.startsAt().equals(startsAt))) {
            throw invalid("startsAt", "concert.startsAt.duplicate");
        }
        var date = performances.save(Performance.of(concert.id(), startsAt));
        seats.create(date.id(), concert.sections());
        return date.id();
    }

    /**
     * Deletes the seats of a date that are free; if any is left, it was held or sold, and the
     * whole change is refused. Deleting first (rather than counting) also blocks a hold racing
     * this change: its update finds no row.
     */
    private void clearSeats(long performanceId, ErrorCode whenTaken) {
        seats.deleteAvailable(performanceId);
        if (seats.anyTaken(List.of(performanceId))) {
            throw new DomainException(whenTaken);
        }
    }

    static DomainException invalid(String field) {
        return new DomainException(ErrorCode.VALIDATION, Map.of("fields", List.of(field)));
    }

    /** A field refused, with the message key that says why (the pages show it). */
    static DomainException invalid(String field, String reason) {
        return new DomainException(ErrorCode.VALIDATION, Map.of("fields", List.of(field), "reason", reason));
    }

    private Concert concert(long concertId) {
        return concerts.findById(concertId).orElseThrow(DomainException::notFound);
    }
}
