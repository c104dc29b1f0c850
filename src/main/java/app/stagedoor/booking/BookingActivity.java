package app.stagedoor.booking;

import app.stagedoor.shared.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What fans and organisers did to reservations and tickets, as meters on {@code
 * /actuator/prometheus} and as one log line each. A change is counted and logged once its
 * transaction has committed, so a rolled-back hold or payment is never reported as done; a refusal
 * is counted when it is answered.
 *
 * <p>Each line names who (member or organiser id), what (the action) and which reservation, date
 * and ticket, by id: never a name, password, token or ticket code. The values are also attached as
 * key-value pairs, so a structured log format ({@code logging.structured.format.console=ecs})
 * carries them as fields.
 */
@Component
class BookingActivity {

    private static final Logger log = LoggerFactory.getLogger(BookingActivity.class);

    /** What a hold, payment or check-in that went through is tagged with, beside the refusals' codes. */
    static final String DONE = "done";

    private final MeterProvider<Counter> holds;
    private final Counter seatsHeld;
    private final MeterProvider<Counter> payments;
    private final MeterProvider<Counter> releases;
    private final MeterProvider<Counter> refunds;
    private final MeterProvider<Counter> checkIns;

    BookingActivity(MeterRegistry registry) {
        this.holds = Counter.builder("stagedoor.booking.holds")
                .description("Holds asked for, by outcome: done, or the refusal's problem code")
                .withRegistry(registry);
        this.seatsHeld = Counter.builder("stagedoor.booking.seats.held")
                .description("Seats held")
                .register(registry);
        this.payments = Counter.builder("stagedoor.booking.payments")
                .description("Payments asked for, by outcome: done (the reservation confirmed), or the refusal's code")
                .withRegistry(registry);
        this.releases = Counter.builder("stagedoor.booking.releases")
                .description("Unpaid holds that ended, by reason: expired or cancelled")
                .withRegistry(registry);
        this.refunds = Counter.builder("stagedoor.booking.refunds")
                .description("Paid reservations refunded, by reason: fan or date_cancelled")
                .withRegistry(registry);
        this.checkIns = Counter.builder("stagedoor.booking.checkins")
                .description("Tickets scanned at the door, by outcome: done (let in), or the refusal's code")
                .withRegistry(registry);
    }

    void held(Reservation hold) {
        afterCommit(() -> {
            holds.withTags("outcome", DONE).increment();
            seatsHeld.increment(hold.seats().size());
            log(
                    "hold",
                    "member",
                    hold.memberId(),
                    "reservation",
                    hold.id(),
                    "performance",
                    hold.performanceId(),
                    "seats",
                    hold.seats().size(),
                    "amount",
                    hold.amount(),
                    "expiresAt",
                    hold.expiresAt());
        });
    }

    void holdRefused(long memberId, long performanceId, ErrorCode code) {
        holds.withTags("outcome", code.name()).increment();
        log("hold refused", "member", memberId, "performance", performanceId, "code", code);
    }

    void paid(Reservation confirmed, long balance) {
        afterCommit(() -> {
            payments.withTags("outcome", DONE).increment();
            log(
                    "payment",
                    "member",
                    confirmed.memberId(),
                    "reservation",
                    confirmed.id(),
                    "performance",
                    confirmed.performanceId(),
                    "seats",
                    confirmed.seats().size(),
                    "amount",
                    confirmed.amount(),
                    "balance",
                    balance);
        });
    }

    void paymentRefused(long memberId, long reservationId, ErrorCode code) {
        payments.withTags("outcome", code.name()).increment();
        log("payment refused", "member", memberId, "reservation", reservationId, "code", code);
    }

    void released(Reservation released, CancelReason reason) {
        afterCommit(() -> {
            releases.withTags("reason", tag(reason)).increment();
            log(
                    reason == CancelReason.EXPIRED ? "hold expired" : "hold cancelled",
                    "member",
                    released.memberId(),
                    "reservation",
                    released.id(),
                    "performance",
                    released.performanceId(),
                    "seats",
                    released.seats().size());
        });
    }

    void refunded(Reservation refunded, RefundReason reason) {
        afterCommit(() -> {
            refunds.withTags("reason", tag(reason)).increment();
            log(
                    "refund",
                    "member",
                    refunded.memberId(),
                    "reservation",
                    refunded.id(),
                    "performance",
                    refunded.performanceId(),
                    "reason",
                    tag(reason),
                    "refunded",
                    refunded.refundAmount(),
                    "fee",
                    refunded.refundFee());
        });
    }

    void checkedIn(Ticket ticket, long organiserId) {
        afterCommit(() -> {
            checkIns.withTags("outcome", DONE).increment();
            log(
                    "check-in",
                    "organiser",
                    organiserId,
                    "ticket",
                    ticket.id(),
                    "reservation",
                    ticket.reservationId(),
                    "performance",
                    ticket.performanceId(),
                    "seat",
                    ticket.seatId());
        });
    }

    void checkInRefused(long organiserId, long performanceId, ErrorCode code) {
        checkIns.withTags("outcome", code.name()).increment();
        log("check-in refused", "organiser", organiserId, "performance", performanceId, "code", code);
    }

    private static String tag(Enum<?> reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    /** One line: the action, then {@code key=value} pairs, the same pairs as structured fields. */
    private static void log(String action, Object... keysAndValues) {
        if (!log.isInfoEnabled()) {
            return;
        }
        var event = log.atInfo();
        var line = new StringBuilder(action);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            var key = (String) keysAndValues[i];
            var value = keysAndValues[i + 1];
            event = event.addKeyValue(key, value);
            line.append(' ').append(key).append('=').append(value);
        }
        event.log(line.toString());
    }

    /** After the surrounding transaction commits, or at once outside one. */
    private static void afterCommit(Runnable report) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            report.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                report.run();
            }
        });
    }
}
