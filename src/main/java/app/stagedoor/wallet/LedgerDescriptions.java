package app.stagedoor.wallet;

import app.stagedoor.shared.SeatPlace;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What ledger entries were for, told by the module that made them (booking names the concert, the
 * date and the seats of a payment or a refund), so the wallet's history reads as more than
 * "Payment" without the wallet knowing about bookings.
 */
public interface LedgerDescriptions {

    /** What a payment or refund was for. */
    record Purpose(String title, Instant startsAt, ZoneId zone, List<SeatPlace> seats) {}

    /** The purposes of those entries this module made, by entry id; others are left out. */
    Map<Long, Purpose> describe(List<WalletTransaction> entries);
}
