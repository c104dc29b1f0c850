package app.stagedoor.concert;

import java.time.Duration;
import java.time.Instant;

/**
 * The way into a concert's sale as a page shows it at one moment: counting down to the pre-queue,
 * the pre-queue open and counting down to the draw, or the sale open. Pages redraw it by
 * themselves at the next moment ({@link #nextChangeAt()}), so no fan has to reload.
 *
 * @param joinOpensAt when fans may first join: the pre-queue's opening, or the on-sale time
 * @param salesOpenAt the on-sale time, when the pre-queue is drawn
 * @param now the moment this door shows
 */
public record Door(Instant joinOpensAt, Instant salesOpenAt, Instant now) {

    public enum Phase {
        /** Nobody may join yet. */
        BEFORE,
        /** Fans may join the pre-queue; at opening all of them get a random place. */
        PRE_QUEUE,
        /** Sales are open: fans join the line at the back. */
        OPEN
    }

    public Phase phase() {
        if (now.isBefore(joinOpensAt)) {
            return Phase.BEFORE;
        }
        return now.isBefore(salesOpenAt) ? Phase.PRE_QUEUE : Phase.OPEN;
    }

    public boolean hasPreQueue() {
        return joinOpensAt.isBefore(salesOpenAt);
    }

    /** The next moment the door changes; null once it is open. */
    public Instant nextChangeAt() {
        return switch (phase()) {
            case BEFORE -> joinOpensAt;
            case PRE_QUEUE -> salesOpenAt;
            case OPEN -> null;
        };
    }

    /** How long until then, for a page that redraws the door by itself. */
    public Duration untilNextChange() {
        var next = nextChangeAt();
        return next == null ? Duration.ZERO : Duration.between(now, next);
    }

    public boolean isOpen() {
        return phase() == Phase.OPEN;
    }

    public boolean isPreQueue() {
        return phase() == Phase.PRE_QUEUE;
    }

    public boolean isBefore() {
        return phase() == Phase.BEFORE;
    }
}
