package app.stagedoor.booking;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How many seats each fan holds or has bought per date. Taking seats is one conditional update
 * against the limit, so two holds of the same fan racing each other cannot pass it together.
 */
@Repository
class FanSeatCounts {

    private final JdbcClient jdbc;

    FanSeatCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The fan's first seats of a date insert their row; later ones add to it if the limit allows.
     * (Inserting first, rather than updating a row that is not there yet, takes no gap locks on
     * MySQL, so fans holding at once never deadlock on each other's rows.)
     *
     * @throws DomainException {@code TOO_MANY_SEATS} when the fan would pass the limit
     */
    void take(long memberId, long performanceId, int seats, int limit) {
        if (seats > limit) {
            throw new DomainException(ErrorCode.TOO_MANY_SEATS, limit);
        }
        try {
            jdbc.sql("INSERT INTO fan_seat_counts (member_id, performance_id, seats) VALUES (?, ?, ?)")
                    .params(memberId, performanceId, seats)
                    .update();
            return;
        } catch (DuplicateKeyException notTheFirstSeats) {
            // the fan holds or has bought seats of this date already
        }
        int added = jdbc.sql("UPDATE fan_seat_counts SET seats = seats + :seats"
                        + " WHERE member_id = :member AND performance_id = :performance AND seats + :seats <= :limit")
                .param("seats", seats)
                .param("member", memberId)
                .param("performance", performanceId)
                .param("limit", limit)
                .update();
        if (added == 0) {
            throw new DomainException(ErrorCode.TOO_MANY_SEATS, limit);
        }
    }

    void giveBack(long memberId, long performanceId, int seats) {
        jdbc.sql(
                        "UPDATE fan_seat_counts SET seats = seats - ? WHERE member_id = ? AND performance_id = ? AND seats >= ?")
                .params(seats, memberId, performanceId, seats)
                .update();
    }
}
