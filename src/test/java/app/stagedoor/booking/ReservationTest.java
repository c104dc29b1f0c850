package app.stagedoor.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.shared.SeatPlace;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reservation's state machine: REQUEST → CONFIRM or CANCEL, both final. */
class ReservationTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    static Reservation held() {
        return Reservation.hold(
                1,
                2,
                3,
                List.of(
                        ReservationSeat.held(10, new SeatPlace("VIP", 1, 1), 100_000),
                        ReservationSeat.held(11, new SeatPlace("VIP", 1, 2), 50_000)),
                NOW,
                NOW.plusSeconds(300));
    }

    static ErrorCode refusal(Runnable transition) {
        try {
            transition.run();
            throw new AssertionError("allowed");
        } catch (DomainException refused) {
            return refused.code();
        }
    }

    @Test
    void a_hold_is_a_request_for_the_sum_of_its_seats() {
        var reservation = held();
        assertThat(reservation.status()).isEqualTo(ReservationStatus.REQUEST);
        assertThat(reservation.amount()).isEqualTo(150_000);
        assertThat(reservation.seatIds()).containsExactly(10L, 11L);
        assertThatThrownBy(() -> Reservation.hold(1, 2, 3, List.of(), NOW, NOW.plusSeconds(1)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEATS));
    }

    @Test
    void a_request_is_confirmed_before_it_runs_out() {
        var reservation = held();
        reservation.confirm(NOW.plusSeconds(299));
        assertThat(reservation.status()).isEqualTo(ReservationStatus.CONFIRM);
    }

    @Test
    void a_request_that_ran_out_cannot_be_paid() {
        var reservation = held();
        assertThat(refusal(() -> reservation.confirm(NOW.plusSeconds(300)))).isEqualTo(ErrorCode.HOLD_EXPIRED);
        assertThat(reservation.status()).isEqualTo(ReservationStatus.REQUEST);
    }

    @Test
    void a_confirmed_reservation_is_final() {
        var reservation = held();
        reservation.confirm(NOW);
        assertThat(refusal(() -> reservation.confirm(NOW))).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(refusal(() -> reservation.cancel(CancelReason.CANCELLED, NOW)))
                .isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(refusal(() -> reservation.cancel(CancelReason.EXPIRED, NOW.plusSeconds(999))))
                .isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(reservation.status()).isEqualTo(ReservationStatus.CONFIRM);
    }

    @Test
    void a_cancelled_reservation_is_final_and_says_why() {
        var expired = held();
        expired.cancel(CancelReason.EXPIRED, NOW.plusSeconds(300));
        assertThat(expired.status()).isEqualTo(ReservationStatus.CANCEL);
        assertThat(refusal(() -> expired.confirm(NOW))).isEqualTo(ErrorCode.HOLD_EXPIRED);

        var letGo = held();
        letGo.cancel(CancelReason.CANCELLED, NOW);
        assertThat(refusal(() -> letGo.confirm(NOW))).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(refusal(() -> letGo.cancel(CancelReason.CANCELLED, NOW))).isEqualTo(ErrorCode.INVALID_STATE);
    }

    @Test
    void the_sweeper_cannot_cancel_a_hold_that_has_time_left() {
        var reservation = held();
        assertThat(refusal(() -> reservation.cancel(CancelReason.EXPIRED, NOW.plusSeconds(299))))
                .isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(reservation.status()).isEqualTo(ReservationStatus.REQUEST);
    }

    @Test
    void a_cancelled_reservation_lets_its_seats_go_and_a_paid_one_keeps_them() {
        var cancelled = held();
        cancelled.cancel(CancelReason.CANCELLED, NOW);
        assertThat(cancelled.seats()).extracting(ReservationSeat::liveSeatId).containsOnlyNulls();

        var paid = held();
        paid.confirm(NOW);
        assertThat(paid.seats()).extracting(ReservationSeat::liveSeatId).containsExactly(10L, 11L);
    }

    static final RefundSchedule SCHEDULE = RefundSchedule.of(2, new BookingProperties.Refunds(0, 10, 20, 30));
    static final java.time.ZoneId SEOUL = java.time.ZoneId.of("Asia/Seoul");
    static final Instant SHOW = NOW.plus(java.time.Duration.ofDays(20));

    @Test
    void a_paid_reservation_is_refunded_once_under_the_schedule_and_lets_its_seats_go() {
        var reservation = held();
        reservation.confirm(NOW);
        var later = NOW.plus(java.time.Duration.ofDays(2));
        var quote = reservation.quoteRefund(SCHEDULE, SHOW, SEOUL, later);
        assertThat(quote.fee()).isEqualTo(15_000);
        reservation.refund(quote, RefundReason.FAN, later);
        assertThat(reservation.status()).isEqualTo(ReservationStatus.REFUNDED);
        assertThat(reservation.refundAmount()).isEqualTo(135_000);
        assertThat(reservation.refundFee()).isEqualTo(15_000);
        assertThat(reservation.seats()).extracting(ReservationSeat::liveSeatId).containsOnlyNulls();

        assertThat(refusal(() -> reservation.refund(quote, RefundReason.FAN, later)))
                .isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(refusal(() -> reservation.quoteRefund(SCHEDULE, SHOW, SEOUL, later)))
                .isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(refusal(() -> reservation.confirm(later))).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(refusal(() -> reservation.cancel(CancelReason.CANCELLED, later)))
                .isEqualTo(ErrorCode.INVALID_STATE);
    }

    @Test
    void only_a_paid_reservation_can_be_refunded() {
        var unpaid = held();
        assertThat(refusal(() -> unpaid.quoteRefund(SCHEDULE, SHOW, SEOUL, NOW)))
                .isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(refusal(() -> unpaid.refund(RefundSchedule.Quote.inFull(150_000), RefundReason.FAN, NOW)))
                .isEqualTo(ErrorCode.INVALID_STATE);
        var letGo = held();
        letGo.cancel(CancelReason.CANCELLED, NOW);
        assertThat(refusal(() -> letGo.refund(RefundSchedule.Quote.inFull(150_000), RefundReason.FAN, NOW)))
                .isEqualTo(ErrorCode.INVALID_STATE);
    }

    @Test
    void a_paid_reservation_cannot_be_refunded_on_the_shows_day() {
        var reservation = held();
        reservation.confirm(NOW);
        assertThat(refusal(() -> reservation.quoteRefund(SCHEDULE, SHOW, SEOUL, SHOW.minusSeconds(60))))
                .isEqualTo(ErrorCode.REFUND_CLOSED);
        assertThat(reservation.status()).isEqualTo(ReservationStatus.CONFIRM);
    }
}
