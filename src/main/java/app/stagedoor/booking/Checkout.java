package app.stagedoor.booking;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.concert.SeatInventory;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.wallet.Wallets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paying and cancelling a reservation. Paying is one transaction: REQUEST → CONFIRM, the wallet
 * debit with its ledger entry, the payment record, the seats RESERVED → BOOKED and a ticket per
 * seat; and an event, handled in the same transaction, uses the fan's admission up. The reservation's row is locked first,
 * so a double click, two tabs or a replay charge once, and a payment and the expiry sweeper never
 * both win.
 */
@Service
class Checkout {

    record Paid(long reservationId, long amount, long balance, boolean replayed) {}

    static final int MAX_KEY_LENGTH = 100;

    private final ReservationRepository reservations;
    private final Catalogue catalogue;
    private final PaymentRepository payments;
    private final Wallets wallets;
    private final SeatInventory inventory;
    private final Releases releases;
    private final ETicketStore tickets;
    private final ApplicationEventPublisher events;
    private final BookingActivity activity;
    private final Clock clock;

    Checkout(
            Catalogue catalogue,
            ReservationRepository reservations,
            PaymentRepository payments,
            Wallets wallets,
            SeatInventory inventory,
            Releases releases,
            ETicketStore tickets,
            ApplicationEventPublisher events,
            BookingActivity activity,
            Clock clock) {
        this.reservations = reservations;
        this.catalogue = catalogue;
        this.payments = payments;
        this.wallets = wallets;
        this.inventory = inventory;
        this.releases = releases;
        this.tickets = tickets;
        this.events = events;
        this.activity = activity;
        this.clock = clock;
    }

    /**
     * @param idempotencyKey optional; a replay with the same key answers as the first payment did
     * @throws DomainException {@code NOT_FOUND} for another fan's reservation, {@code
     *     INSUFFICIENT_BALANCE} (the hold stays), {@code HOLD_EXPIRED}, {@code INVALID_STATE},
     *     {@code SALES_CLOSED} or {@code SALES_NOT_OPEN} when the organiser unpublished the concert
     *     or moved its sales since the hold (the hold stays until it lapses or is cancelled)
     */
    @Transactional
    Paid pay(long memberId, long reservationId, String idempotencyKey) {
        try {
            return confirm(memberId, reservationId, idempotencyKey);
        } catch (DomainException refused) {
            activity.paymentRefused(memberId, reservationId, refused.code());
            throw refused;
        }
    }

    private Paid confirm(long memberId, long reservationId, String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            throw new DomainException(ErrorCode.VALIDATION, Map.of("fields", List.of("Idempotency-Key")));
        }
        var reservation = reservations
                .lockById(reservationId)
                .filter(r -> r.belongsTo(memberId))
                .orElseThrow(DomainException::notFound);
        if (reservation.status() == ReservationStatus.CONFIRM) {
            var payment = payments.findByReservationId(reservationId).orElseThrow();
            if (payment.isReplayOf(idempotencyKey)) {
                return new Paid(reservationId, payment.amount(), payment.balanceAfter(), true);
            }
        }
        var now = clock.instant();
        reservation.confirm(now);
        // a live hold is the fan's right to pay, to its end, even when their admission ended first;
        // but the organiser may have unpublished the concert, moved its sales or cancelled the date:
        // the seats are booked only while the date sells, in the statement that books them
        int booked = inventory.book(reservationId, now);
        if (booked == 0) {
            var terms = catalogue.saleTerms(reservation.performanceId());
            if (terms.isEmpty() || !terms.get().isOnSaleAt(now)) {
                throw new DomainException(terms.map(t -> t.refusalAt(now)).orElse(ErrorCode.SALES_CLOSED));
            }
        }
        if (booked != reservation.seats().size()) {
            throw new IllegalStateException("reservation " + reservationId + " holds " + booked + " of its seats");
        }
        reservations.save(reservation);
        long balance = wallets.debit(memberId, reservation.amount(), BookingLedger.payment(reservationId));
        tickets.issue(reservation, now);
        payments.save(new Payment(null, reservationId, memberId, reservation.amount(), balance, idempotencyKey, now));
        events.publishEvent(new ReservationConfirmed(
                reservationId, memberId, reservation.concertId(), reservation.performanceId(), reservation.amount()));
        activity.paid(reservation, balance);
        return new Paid(reservationId, reservation.amount(), balance, false);
    }

    /**
     * The fan lets an unpaid hold go.
     *
     * @throws DomainException {@code NOT_FOUND} for another fan's reservation, {@code INVALID_STATE}
     *     once paid or cancelled
     */
    @Transactional
    void cancel(long memberId, long reservationId) {
        var reservation = reservations
                .lockById(reservationId)
                .filter(r -> r.belongsTo(memberId))
                .orElseThrow(DomainException::notFound);
        releases.cancel(reservation, CancelReason.CANCELLED, clock.instant());
    }
}
