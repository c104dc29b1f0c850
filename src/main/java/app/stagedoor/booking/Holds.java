package app.stagedoor.booking;

import app.stagedoor.concert.AdmissionGate;
import app.stagedoor.concert.Catalogue;
import app.stagedoor.concert.SaleTerms;
import app.stagedoor.concert.SeatInventory;
import app.stagedoor.concert.SeatView;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holding seats: all or nothing. A hold creates one reservation in REQUEST for the sum of the
 * seats' prices, moves the seats AVAILABLE → RESERVED and counts them against the fan's limit for
 * that date, in one transaction behind the seat guard.
 */
@Service
class Holds {

    private final Catalogue catalogue;
    private final SeatInventory inventory;
    private final AdmissionGate gate;
    private final SeatGuard guard;
    private final ReservationRepository reservations;
    private final FanSeatCounts fanSeats;
    private final Releases releases;
    private final TransactionTemplate transaction;
    private final BookingActivity activity;
    private final Clock clock;

    Holds(
            Catalogue catalogue,
            SeatInventory inventory,
            AdmissionGate gate,
            SeatGuard guard,
            ReservationRepository reservations,
            FanSeatCounts fanSeats,
            Releases releases,
            TransactionTemplate transaction,
            BookingActivity activity,
            Clock clock) {
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.gate = gate;
        this.guard = guard;
        this.reservations = reservations;
        this.fanSeats = fanSeats;
        this.releases = releases;
        this.transaction = transaction;
        this.activity = activity;
        this.clock = clock;
    }

    /**
     * Holds the seats, or nothing. On MySQL and MariaDB, holds that share seats wait for each other
     * on the unique key of the live seats; when the hold they wait for gives up (another of its
     * seats was taken), InnoDB may pick one of them as a deadlock victim. Nothing of it was written,
     * so it is simply tried again, and then holds or finds its seats taken.
     *
     * @throws DomainException {@code INVALID_SEATS} for no, repeated or foreign seats, {@code
     *     NOT_ADMITTED} without an admission, {@code TOO_MANY_SEATS} past the fan's limit, {@link
     *     SeatsUnavailable} (naming the seats) when any seat was taken; then nothing is held
     */
    @Retryable(includes = PessimisticLockingFailureException.class, maxRetries = 3, delay = 20, jitter = 10)
    public Reservation hold(long memberId, long performanceId, List<Long> seatIds) {
        try {
            return reported(holdSeats(memberId, performanceId, seatIds));
        } catch (DomainException refused) {
            activity.holdRefused(memberId, performanceId, refused.code());
            throw refused;
        }
    }

    private Reservation reported(Reservation hold) {
        activity.held(hold);
        return hold;
    }

    private Reservation holdSeats(long memberId, long performanceId, List<Long> seatIds) {
        if (seatIds == null || seatIds.isEmpty() || seatIds.stream().anyMatch(Objects::isNull)) {
            throw new DomainException(ErrorCode.INVALID_SEATS);
        }
        if (new HashSet<>(seatIds).size() != seatIds.size()) {
            throw new DomainException(ErrorCode.INVALID_SEATS);
        }
        var sorted = seatIds.stream().sorted().toList();
        // one read for the sale's terms and the seats, before any transaction: a refused hold opens none
        var now = clock.instant();
        var toHold = inventory
                .seatsToHold(performanceId, sorted, now)
                .filter(read -> read.terms().published())
                .orElseThrow(DomainException::notFound);
        var terms = toHold.terms();
        if (!terms.isOnSaleAt(now)) {
            throw new DomainException(terms.refusalAt(now));
        }
        gate.requireAdmitted(memberId, terms.concertId());
        if (seatIds.size() > terms.maxSeatsPerMember()) {
            throw new DomainException(ErrorCode.TOO_MANY_SEATS, terms.maxSeatsPerMember());
        }
        var seats = toHold.seats();
        if (seats.size() != sorted.size()) {
            throw new DomainException(ErrorCode.INVALID_SEATS);
        }
        refuseTaken(seats);
        // a hold lasts what the organiser set, from now: the admission only decides who may hold
        var holdFor = gate.holdDuration(terms.concertId());
        try {
            return transaction.execute(status -> {
                // the seats as read may have been taken since: the guard and the conditional update decide
                guard.enter(sorted);
                // a lapsed hold shows its seats as available: release it, then claim them
                toHold.lapsedHolds().forEach(lapsed -> releases.releaseLapsed(lapsed, now));
                var heldAt = clock.instant(); // after any wait for the guard
                var reservation = reservations.save(Reservation.hold(
                        memberId,
                        terms.concertId(),
                        performanceId,
                        seats.stream()
                                .map(s -> ReservationSeat.held(s.id(), s.place(), s.price()))
                                .toList(),
                        heldAt,
                        heldAt.plus(holdFor)));
                if (inventory.reserve(performanceId, sorted, reservation.id(), reservation.expiresAt())
                        != sorted.size()) {
                    throw new SeatsTaken(); // rolls back; which seats went is read afresh below
                }
                fanSeats.take(memberId, performanceId, sorted.size(), terms.maxSeatsPerMember());
                return reservation;
            });
        } catch (SeatsTaken | DataIntegrityViolationException anotherHoldGotThereFirst) {
            // the guard's count, or the unique key behind every guard: name the seats as they are now
            var current = inventory.seatsOf(performanceId, sorted);
            var gone = current.stream().filter(s -> !s.isAvailable()).toList();
            throw SeatsUnavailable.of(gone.isEmpty() ? current : gone);
        } catch (SeatsUnavailable refused) {
            if (refused.isNamed()) {
                throw refused;
            }
            // the named lock knows only the id of the seat it gave up waiting for: name it like the rest
            throw SeatsUnavailable.of(inventory.seatsOf(performanceId, refused.seatIds()));
        }
    }

    /** How often a best-available hold picks again after another fan took the block it picked. */
    static final int BEST_ATTEMPTS = 25;

    /**
     * Holds the best {@code count} adjacent seats of one row (in {@code section}, or anywhere when
     * it is null) as {@link BestSeats} ranks them, in the same all-or-nothing step as {@link #hold}.
     * When another fan takes the picked block first, it picks again from the seats as they are now.
     *
     * @throws DomainException {@code SEAT_UNAVAILABLE} (with {@code best}) when no such block is
     *     left, {@code INVALID_SEATS} for a count below one or an unknown section, and whatever
     *     {@link #hold} refuses
     */
    public Reservation holdBest(long memberId, long performanceId, int count, String section) {
        try {
            return reported(holdBestSeats(memberId, performanceId, count, section));
        } catch (DomainException refused) {
            activity.holdRefused(memberId, performanceId, refused.code());
            throw refused;
        }
    }

    private Reservation holdBestSeats(long memberId, long performanceId, int count, String section) {
        if (count < 1) {
            throw new DomainException(ErrorCode.INVALID_SEATS);
        }
        var terms =
                catalogue.saleTerms(performanceId).filter(SaleTerms::published).orElseThrow(DomainException::notFound);
        gate.requireAdmitted(memberId, terms.concertId());
        if (count > terms.maxSeatsPerMember()) {
            throw new DomainException(ErrorCode.TOO_MANY_SEATS, terms.maxSeatsPerMember());
        }
        for (int attempt = 1; attempt <= BEST_ATTEMPTS; attempt++) {
            var seats = inventory.seatsOf(performanceId);
            if (section != null
                    && seats.stream().noneMatch(seat -> seat.section().equals(section))) {
                throw new DomainException(ErrorCode.INVALID_SEATS);
            }
            var blocks = BestSeats.bestPerRow(seats, count, section);
            if (blocks.isEmpty()) {
                break;
            }
            // the first try takes the best block; fans who lost it spread over the best of the next
            // rows, so a crowd asking at once does not chase one block after another
            var block = blocks.get(ThreadLocalRandom.current().nextInt(Math.min(attempt, blocks.size())));
            try {
                return holdSeats(
                        memberId,
                        performanceId,
                        block.stream().map(SeatView::id).toList());
            } catch (PessimisticLockingFailureException deadlockVictim) {
                // nothing was written: pick again
            } catch (DomainException refused) {
                if (refused.code() != ErrorCode.SEAT_UNAVAILABLE) {
                    throw refused;
                }
            }
        }
        var best = new java.util.LinkedHashMap<String, Object>();
        best.put("count", count);
        if (section != null) {
            best.put("section", section);
        }
        throw new DomainException(
                ErrorCode.SEAT_UNAVAILABLE,
                Map.of("seatIds", List.of(), "best", best),
                section == null ? count + " × any" : count + " × " + section);
    }

    /** The guard reserved fewer seats than asked: the transaction rolls back. */
    private static final class SeatsTaken extends RuntimeException {
        SeatsTaken() {
            super(null, null, false, false);
        }
    }

    private static void refuseTaken(List<SeatView> seats) {
        var gone = seats.stream().filter(s -> !s.isAvailable()).toList();
        if (!gone.isEmpty()) {
            throw SeatsUnavailable.of(gone);
        }
    }
}
