package app.stagedoor.booking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param guard what keeps two fans from holding one seat: {@code conditional-update} (one
 *     conditional UPDATE, any database) or {@code named-lock} (a MySQL {@code GET_LOCK}
 *     per seat; MySQL and MariaDB only)
 * @param lockWait how long a hold waits for a seat's named lock before answering "just taken"
 * @param sweepInterval how often lapsed holds are released
 * @param sweepBatch how many lapsed holds the sweeper releases per tick
 * @param expiringWithin the window of the organiser's "holds expiring soon"
 * @param refunds the refund schedule of a concert whose organiser has not set one
 */
@ConfigurationProperties(prefix = "stagedoor.booking", ignoreUnknownFields = false)
record BookingProperties(
        @DefaultValue("conditional-update") Guard guard,
        @DefaultValue("1s") Duration lockWait,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("500") int sweepBatch,
        @DefaultValue("5m") Duration expiringWithin,
        @DefaultValue Refunds refunds) {

    /**
     * Fees in percent of the amount: on the day of booking, from 7 days before the show, from 3
     * days, and 1 or 2 days before. No refund on the show's day.
     */
    record Refunds(
            @DefaultValue("0") int bookingDayPercent,
            @DefaultValue("10") int weekPercent,
            @DefaultValue("20") int threeDaysPercent,
            @DefaultValue("30") int dayBeforePercent) {}

    enum Guard {
        CONDITIONAL_UPDATE,
        NAMED_LOCK
    }
}
