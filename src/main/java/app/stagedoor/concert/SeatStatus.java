package app.stagedoor.concert;

/** The seed's seat states: AVAILABLE → RESERVED (held) → BOOKED, and RESERVED → AVAILABLE on release. */
public enum SeatStatus {
    AVAILABLE,
    RESERVED,
    BOOKED
}
