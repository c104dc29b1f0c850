package app.stagedoor.booking;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A concert's refund schedule: the fee kept, in percent of the amount, by how many days before the
 * show the fan cancels, counted in calendar days of the venue. On the day of booking, {@code
 * bookingDayPercent}; from 7 days before, {@code weekPercent}; from 3 to 6 days, {@code
 * threeDaysPercent}; 1 or 2 days before, {@code dayBeforePercent}; on the show's day, no refund.
 */
@Table("refund_schedules")
record RefundSchedule(
        @Id long concertId,
        int bookingDayPercent,
        int weekPercent,
        int threeDaysPercent,
        int dayBeforePercent,
        @Version Integer version) {

    /** What a refund would give back now, for the amount paid. */
    record Quote(long amount, int feePercent, long fee, long refund) {

        static Quote inFull(long amount) {
            return new Quote(amount, 0, 0, amount);
        }
    }

    static RefundSchedule of(long concertId, BookingProperties.Refunds defaults) {
        return new RefundSchedule(
                concertId,
                defaults.bookingDayPercent(),
                defaults.weekPercent(),
                defaults.threeDaysPercent(),
                defaults.dayBeforePercent(),
                null);
    }

    RefundSchedule change(int bookingDay, int week, int threeDays, int dayBefore) {
        for (int percent : new int[] {bookingDay, week, threeDays, dayBefore}) {
            if (percent < 0 || percent > 100) {
                throw new DomainException(ErrorCode.VALIDATION);
            }
        }
        return new RefundSchedule(concertId, bookingDay, week, threeDays, dayBefore, version);
    }

    /**
     * @param bookedAt when the reservation was paid
     * @throws DomainException {@code REFUND_CLOSED} on the show's day or after it
     */
    Quote quote(long amount, Instant bookedAt, Instant startsAt, ZoneId zone, Instant now) {
        var today = now.atZone(zone).toLocalDate();
        long daysBefore = ChronoUnit.DAYS.between(today, startsAt.atZone(zone).toLocalDate());
        if (daysBefore <= 0) {
            throw new DomainException(ErrorCode.REFUND_CLOSED);
        }
        int percent;
        if (bookedAt.atZone(zone).toLocalDate().equals(today)) {
            percent = bookingDayPercent;
        } else if (daysBefore >= 7) {
            percent = weekPercent;
        } else if (daysBefore >= 3) {
            percent = threeDaysPercent;
        } else {
            percent = dayBeforePercent;
        }
        long fee = amount * percent / 100;
        return new Quote(amount, percent, fee, amount - fee);
    }
}
