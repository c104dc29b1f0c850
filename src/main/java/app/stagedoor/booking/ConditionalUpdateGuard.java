package app.stagedoor.booking;

import java.util.List;

/**
 * The conditional update is the guard: {@code UPDATE seats … WHERE status = 'AVAILABLE'} takes the
 * row locks and reports by its count whether every seat was still free. Nothing to do up front.
 */
class ConditionalUpdateGuard implements SeatGuard {

    @Override
    public void enter(List<Long> seatIds) {
        // the seats' own row locks, taken by the conditional update, serialise the holds
    }

    @Override
    public String name() {
        return "conditional-update";
    }
}
