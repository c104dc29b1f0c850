package app.stagedoor.concert;

import app.stagedoor.shared.SeatPlace;

/**
 * A seat as a fan sees it now: a hold past its expiry already shows as {@code AVAILABLE}.
 *
 * @param tier the price tier, 1 for the first section
 */
public record SeatView(long id, String section, int tier, int row, int number, long price, SeatStatus status) {

    /** This seat with another status. */
    SeatView withStatus(SeatStatus other) {
        return other == status ? this : new SeatView(id, section, tier, row, number, price, other);
    }

    public boolean isAvailable() {
        return status == SeatStatus.AVAILABLE;
    }

    public SeatPlace place() {
        return new SeatPlace(section, row, number);
    }
}
