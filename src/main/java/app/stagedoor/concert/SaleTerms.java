package app.stagedoor.concert;

/** What a hold needs to know about a date: its concert, whether it is on show, and the per-fan limit. */
public record SaleTerms(long performanceId, long concertId, boolean published, int maxSeatsPerMember) {}
