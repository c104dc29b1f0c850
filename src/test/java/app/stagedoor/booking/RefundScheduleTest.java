package app.stagedoor.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default schedule at each boundary, in calendar days of the venue (Seoul). */
class RefundScheduleTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** The show: 24 December, 19:30 in Seoul. */
    static final Instant SHOW =
            ZonedDateTime.of(2026, 12, 24, 19, 30, 0, 0, SEOUL).toInstant();
    /** Booked on 1 December. */
    static final Instant BOOKED =
            ZonedDateTime.of(2026, 12, 1, 12, 0, 0, 0, SEOUL).toInstant();

    static final RefundSchedule DEFAULT = RefundSchedule.of(1, new BookingProperties.Refunds(0, 10, 20, 30));

    static Instant seoul(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 12, day, hour, minute, 0, 0, SEOUL).toInstant();
    }

    @ParameterizedTest(name = "cancelled on 12/{0} {1}:{2} → {3} %")
    @CsvSource({
        // the day of booking is free, up to its last minute
        "1, 12, 1, 0",
        "1, 23, 59, 0",
        // from the next day, 10 % while the show is 7 days away or more
        "2, 0, 0, 10",
        "17, 23, 59, 10",
        // 6 to 3 days before: 20 %
        "18, 0, 0, 20",
        "21, 23, 59, 20",
        // 2 days before and the day before: 30 %
        "22, 0, 0, 30",
        "23, 23, 59, 30"
    })
    void the_fee_follows_the_days_left_before_the_show(int day, int hour, int minute, int percent) {
        var quote = DEFAULT.quote(120_000, BOOKED, SHOW, SEOUL, seoul(day, hour, minute));
        assertThat(quote.feePercent()).isEqualTo(percent);
        assertThat(quote.fee()).isEqualTo(120_000L * percent / 100);
        assertThat(quote.refund()).isEqualTo(120_000 - quote.fee());
    }

    @Test
    void there_is_no_refund_on_the_shows_day_or_after() {
        for (var now : new Instant[] {seoul(24, 0, 0), seoul(24, 19, 0), seoul(25, 10, 0)}) {
            assertThatThrownBy(() -> DEFAULT.quote(120_000, BOOKED, SHOW, SEOUL, now))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REFUND_CLOSED));
        }
    }

    @Test
    void booked_the_day_before_the_show_it_is_free_that_day_and_closed_on_the_day() {
        var lateBooking = seoul(23, 9, 0);
        assertThat(DEFAULT.quote(50_000, lateBooking, SHOW, SEOUL, seoul(23, 22, 0))
                        .fee())
                .isZero();
        assertThatThrownBy(() -> DEFAULT.quote(50_000, lateBooking, SHOW, SEOUL, seoul(24, 0, 1)))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void the_fee_rounds_down_to_whole_won() {
        var quote = DEFAULT.change(0, 15, 20, 30).quote(99_999, BOOKED, SHOW, SEOUL, seoul(10, 0, 0));
        assertThat(quote.fee()).isEqualTo(14_999);
        assertThat(quote.refund()).isEqualTo(85_000);
    }

    @Test
    void an_organiser_cannot_set_a_fee_outside_0_to_100_percent() {
        assertThatThrownBy(() -> DEFAULT.change(-1, 10, 20, 30)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> DEFAULT.change(0, 10, 20, 101)).isInstanceOf(DomainException.class);
    }
}
