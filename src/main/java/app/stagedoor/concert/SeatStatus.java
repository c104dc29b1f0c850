package app.stagedoor.concert;

/** A seat's states: AVAILABLE → RESERVED (held) → BOOKED, and RESERVED → AVAILABLE on release. */
public enum SeatStatus {
    AVAILABLE,
    RESERVED,
    BOOKED
}
