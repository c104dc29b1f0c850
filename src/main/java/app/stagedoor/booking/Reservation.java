package app.stagedoor.booking;

import app.stagedoor.concert.SeatStatus;
import app.stagedoor.shared.Codes;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A fan's reservation of held seats: REQUEST until paid (CONFIRM) or cancelled (CANCEL), and a paid
 * one may be refunded (REFUNDED). Its
 * methods decide whether a transition is allowed and make it, seats included; callers hold the
 * reservation's row lock ({@code lockById}) and save what it decided, and the version makes a save
 * without that lock fail rather than overwrite.
 */
@Table("reservations")
class Reservation {

    @Id
    private final Long id;

    private final long memberId;
    private final long concertId;
    private final long performanceId;
    private ReservationStatus status;
    private final long amount;
    private final Instant createdAt;
    private final Instant expiresAt;
    private Instant confirmedAt;
    private Instant cancelledAt;
    private CancelReason cancelReason;
    private final String bookingNumber;
    private Instant refundedAt;
    private Long refundAmount;
    private Long refundFee;
    private RefundReason refundReason;

    @Version
    private Long version;

    @MappedCollection(idColumn = "reservation_id")
    private Set<ReservationSeat> seats;

    @PersistenceCreator
    Reservation(
            Long id,
            long memberId,
            long concertId,
            long performanceId,
            ReservationStatus status,
            long amount,
            Instant createdAt,
            Instant expiresAt,
            Instant confirmedAt,
            Instant cancelledAt,
            CancelReason cancelReason,
            String bookingNumber,
            Instant refundedAt,
            Long refundAmount,
            Long refundFee,
            RefundReason refundReason,
            Long version,
            Set<ReservationSeat> seats) {
        this.id = id;
        this.memberId = memberId;
        this.concertId = concertId;
        this.performanceId = performanceId;
        this.status = status;
        this.amount = amount;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.confirmedAt = confirmedAt;
        this.cancelledAt = cancelledAt;
        this.cancelReason = cancelReason;
        this.bookingNumber = bookingNumber;
        this.refundedAt = refundedAt;
        this.refundAmount = refundAmount;
        this.refundFee = refundFee;
        this.refundReason = refundReason;
        this.version = version;
        this.seats = inSeatOrder(seats);
    }

    private static Set<ReservationSeat> inSeatOrder(Set<ReservationSeat> seats) {
        // in seat order: the seats are inserted in this order, and every hold claiming seats in the
        // same order is what keeps two holds sharing several seats from deadlocking
        Set<ReservationSeat> inSeatOrder = seats.stream()
                .sorted(Comparator.comparingLong(ReservationSeat::seatId))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return Collections.unmodifiableSet(inSeatOrder);
    }

    /** 예매번호: ten random characters, never a sequence. */
    static final int BOOKING_NUMBER_LENGTH = 10;

    /** A new hold: REQUEST, for the sum of the seats' prices, until {@code expiresAt}. */
    static Reservation hold(
            long memberId,
            long concertId,
            long performanceId,
            List<ReservationSeat> seats,
            Instant now,
            Instant expiresAt) {
        if (seats.isEmpty()) {
            throw new DomainException(ErrorCode.INVALID_SEATS);
        }
        long amount = seats.stream().mapToLong(ReservationSeat::price).sum();
        return new Reservation(
                null,
                memberId,
                concertId,
                performanceId,
                ReservationStatus.REQUEST,
                amount,
                now,
                expiresAt,
                null,
                null,
                null,
                Codes.random(BOOKING_NUMBER_LENGTH),
                null,
                null,
                null,
                null,
                null,
                new LinkedHashSet<>(seats));
    }

    /**
     * REQUEST → CONFIRM.
     *
     * @throws DomainException {@code HOLD_EXPIRED} once the hold ran out or was released for it,
     *     {@code INVALID_STATE} when already paid or cancelled by the fan
     */
    void confirm(Instant now) {
        switch (status) {
            case REQUEST -> {
                if (isExpiredAt(now)) {
                    throw new DomainException(ErrorCode.HOLD_EXPIRED);
                }
                status = ReservationStatus.CONFIRM;
                confirmedAt = now;
            }
            case CONFIRM, REFUNDED ->
                throw new DomainException(ErrorCode.INVALID_STATE, Map.of("state", status.name()));
            case CANCEL ->
                throw cancelReason == CancelReason.EXPIRED
                        ? new DomainException(ErrorCode.HOLD_EXPIRED)
                        : new DomainException(ErrorCode.INVALID_STATE, Map.of("state", "CANCEL"));
        }
    }

    /**
     * REQUEST → CANCEL, and the seats stop being live (they may be held by others again). A fan may
     * cancel any time before paying; the sweeper only once the hold ran out.
     *
     * @throws DomainException {@code INVALID_STATE} for a paid or already cancelled reservation, or
     *     for {@code EXPIRED} while the hold has time left
     */
    void cancel(CancelReason reason, Instant now) {
        if (!mayBeCancelled(reason, now)) {
            throw new DomainException(ErrorCode.INVALID_STATE, Map.of("state", status.name()));
        }
        status = ReservationStatus.CANCEL;
        cancelledAt = now;
        cancelReason = reason;
        letSeatsGo();
    }

    /**
     * What refunding would give back now under the concert's schedule, without changing anything
     * (the fan sees it before confirming).
     *
     * <p>A refund is its own state rather than CANCEL with a reason: CANCEL means the fan was never
     * charged, REFUNDED that money moved twice (paid, then given back less a fee). Pages, the
     * API, revenue and the ledger all tell the two apart, and REFUNDED can only follow CONFIRM.
     *
     * @throws DomainException {@code INVALID_STATE} unless paid, {@code REFUND_CLOSED} on the show's
     *     day
     */
    RefundSchedule.Quote quoteRefund(RefundSchedule schedule, Instant startsAt, ZoneId zone, Instant now) {
        requireConfirmed();
        return schedule.quote(amount, confirmedAt, startsAt, zone, now);
    }

    /**
     * CONFIRM → REFUNDED with this quote: the seats stop being live, so they can be sold again. The
     * caller voids the tickets first (one conditional update) and gives the money back.
     *
     * @throws DomainException {@code INVALID_STATE} unless paid
     */
    void refund(RefundSchedule.Quote quote, RefundReason reason, Instant now) {
        requireConfirmed();
        if (quote.amount() != amount) {
            throw new IllegalArgumentException("a quote for " + quote.amount() + ", not " + amount);
        }
        status = ReservationStatus.REFUNDED;
        refundedAt = now;
        refundAmount = quote.refund();
        refundFee = quote.fee();
        refundReason = reason;
        letSeatsGo();
    }

    private void requireConfirmed() {
        if (status != ReservationStatus.CONFIRM) {
            throw new DomainException(ErrorCode.INVALID_STATE, Map.of("state", status.name()));
        }
    }

    /** Whether {@link #cancel} would be allowed. */
    boolean mayBeCancelled(CancelReason reason, Instant now) {
        return status == ReservationStatus.REQUEST && (reason != CancelReason.EXPIRED || isExpiredAt(now));
    }

    /** An unpaid hold whose time is up, whether or not the sweeper got to it yet. */
    boolean isExpiredAt(Instant now) {
        return status == ReservationStatus.REQUEST && SeatStatus.lapsed(expiresAt, now);
    }

    private void letSeatsGo() {
        seats = inSeatOrder(seats.stream().map(ReservationSeat::released).collect(Collectors.toSet()));
    }

    /** This reservation as stored under this id and version (what {@link ReservationWrites} wrote). */
    Reservation stored(long storedId, long storedVersion) {
        return new Reservation(
                storedId,
                memberId,
                concertId,
                performanceId,
                status,
                amount,
                createdAt,
                expiresAt,
                confirmedAt,
                cancelledAt,
                cancelReason,
                bookingNumber,
                refundedAt,
                refundAmount,
                refundFee,
                refundReason,
                storedVersion,
                seats);
    }

    Long version() {
        return version;
    }

    boolean belongsTo(long member) {
        return memberId == member;
    }

    Long id() {
        return id;
    }

    long memberId() {
        return memberId;
    }

    long concertId() {
        return concertId;
    }

    long performanceId() {
        return performanceId;
    }

    ReservationStatus status() {
        return status;
    }

    long amount() {
        return amount;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant confirmedAt() {
        return confirmedAt;
    }

    Instant cancelledAt() {
        return cancelledAt;
    }

    CancelReason cancelReason() {
        return cancelReason;
    }

    String bookingNumber() {
        return bookingNumber;
    }

    Instant refundedAt() {
        return refundedAt;
    }

    Long refundAmount() {
        return refundAmount;
    }

    Long refundFee() {
        return refundFee;
    }

    RefundReason refundReason() {
        return refundReason;
    }

    /** The seats in map order. */
    List<ReservationSeat> seats() {
        return seats.stream()
                .sorted(Comparator.comparingLong(ReservationSeat::seatId))
                .toList();
    }

    List<Long> seatIds() {
        return seats().stream().map(ReservationSeat::seatId).toList();
    }
}
