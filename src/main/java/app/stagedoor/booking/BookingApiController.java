package app.stagedoor.booking;

import static app.stagedoor.shared.ErrorCode.HOLD_EXPIRED;
import static app.stagedoor.shared.ErrorCode.INSUFFICIENT_BALANCE;
import static app.stagedoor.shared.ErrorCode.INVALID_SEATS;
import static app.stagedoor.shared.ErrorCode.INVALID_STATE;
import static app.stagedoor.shared.ErrorCode.NOT_ADMITTED;
import static app.stagedoor.shared.ErrorCode.NOT_FOUND;
import static app.stagedoor.shared.ErrorCode.REFUND_CLOSED;
import static app.stagedoor.shared.ErrorCode.SALES_CLOSED;
import static app.stagedoor.shared.ErrorCode.SEAT_UNAVAILABLE;
import static app.stagedoor.shared.ErrorCode.TOO_MANY_SEATS;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.Refusals;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Holds, reservations and payment over {@code /api/v1}. */
@RestController
@RequestMapping("/api/v1")
class BookingApiController {

    private final Holds holds;
    private final Reservations reservations;
    private final Checkout checkout;
    private final Refunds refunds;

    BookingApiController(Holds holds, Reservations reservations, Checkout checkout, Refunds refunds) {
        this.holds = holds;
        this.reservations = reservations;
        this.checkout = checkout;
        this.refunds = refunds;
    }

    record HoldRequest(@NotNull @Size(max = 100) List<Long> seatIds) {}

    record ReservationResponse(
            long reservationId,
            ReservationStatus status,
            long performanceId,
            List<Long> seatIds,
            long amount,
            Instant expiresAt,
            CancelReason cancelReason,
            String bookingNumber,
            List<TicketResponse> tickets,
            Long refunded,
            Long fee,
            RefundReason refundReason) {

        static ReservationResponse of(ReservationView r) {
            return new ReservationResponse(
                    r.id(),
                    r.status(),
                    r.performanceId(),
                    r.seatIds(),
                    r.amount(),
                    r.expiresAt(),
                    r.cancelReason(),
                    r.bookingNumber(),
                    r.tickets().stream().map(TicketResponse::of).toList(),
                    r.refundAmount(),
                    r.refundFee(),
                    r.refundReason());
        }
    }

    /** A ticket of one's own reservation: its seat, the code to show at the door, and its state. */
    record TicketResponse(long seatId, String code, TicketStatus status) {

        static TicketResponse of(Ticket ticket) {
            return new TicketResponse(ticket.seatId(), ticket.code(), ticket.status());
        }
    }

    record RefundResponse(long reservationId, ReservationStatus status, long refunded, long fee, long balance) {}

    record PaymentResponse(long reservationId, ReservationStatus status, long amount, long balance) {}

    @PostMapping("/performances/{performanceId}/holds")
    @ResponseStatus(HttpStatus.CREATED)
    @Refusals({NOT_FOUND, SALES_CLOSED, NOT_ADMITTED, TOO_MANY_SEATS, INVALID_SEATS, SEAT_UNAVAILABLE})
    ResponseEntity<ReservationResponse> hold(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long performanceId,
            @Valid @RequestBody HoldRequest request) {
        var held = holds.hold(me.id(), performanceId, request.seatIds());
        var view = ReservationView.of(held, held.createdAt());
        return ResponseEntity.created(URI.create("/api/v1/reservations/" + held.id()))
                .body(ReservationResponse.of(view));
    }

    @GetMapping("/reservations")
    List<ReservationResponse> mine(@AuthenticationPrincipal MemberPrincipal me) {
        return reservations.of(me.id()).stream().map(ReservationResponse::of).toList();
    }

    @GetMapping("/reservations/{reservationId}")
    @Refusals(NOT_FOUND)
    ReservationResponse one(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long reservationId) {
        return ReservationResponse.of(reservations.one(me.id(), reservationId));
    }

    @PostMapping("/reservations/{reservationId}/payment")
    @Refusals({NOT_FOUND, NOT_ADMITTED, INSUFFICIENT_BALANCE, HOLD_EXPIRED, INVALID_STATE})
    PaymentResponse pay(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long reservationId,
            @Parameter(description = "any unique text (a UUID): a retry with the same key answers as the first payment")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    @Size(max = 100)
                    String idempotencyKey) {
        var paid = checkout.pay(me.id(), reservationId, idempotencyKey);
        return new PaymentResponse(paid.reservationId(), ReservationStatus.CONFIRM, paid.amount(), paid.balance());
    }

    @PostMapping("/reservations/{reservationId}/refund")
    @Refusals({NOT_FOUND, INVALID_STATE, REFUND_CLOSED})
    RefundResponse refund(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long reservationId) {
        var refunded = refunds.refund(me.id(), reservationId);
        return new RefundResponse(
                refunded.reservationId(), refunded.status(), refunded.refunded(), refunded.fee(), refunded.balance());
    }

    @DeleteMapping("/reservations/{reservationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Refusals({NOT_FOUND, INVALID_STATE})
    void cancel(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long reservationId) {
        checkout.cancel(me.id(), reservationId);
    }
}
