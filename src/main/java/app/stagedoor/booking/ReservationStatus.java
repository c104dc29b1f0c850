package app.stagedoor.booking;

/**
 * REQUEST → CONFIRM (paid) or REQUEST → CANCEL (never charged: the hold lapsed or was let go);
 * CONFIRM → REFUNDED (the money went back less the fee, the seats are on sale again). CANCEL and
 * REFUNDED are final.
 */
public enum ReservationStatus {
    REQUEST,
    CONFIRM,
    CANCEL,
    REFUNDED
}
