package app.stagedoor.booking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * Reservations. A transition locks the row ({@link #lockById}), lets the aggregate decide and saves
 * it, both written by hand ({@link ReservationWrites}); the queries below are the sweeper's and the
 * sales view's.
 */
interface ReservationRepository extends Repository<Reservation, Long>, ReservationWrites {

    Optional<Reservation> findById(long id);

    List<Reservation> findAllById(Iterable<Long> ids);

    List<Reservation> findByMemberIdOrderByIdDesc(long memberId, Pageable page);

    @Query(
            "SELECT id FROM reservations WHERE status = 'REQUEST' AND expires_at <= :now ORDER BY expires_at LIMIT :limit")
    List<Long> findExpired(Instant now, int limit);

    /** Holds and paid reservations of a date, for its cancellation. */
    @Query(
            "SELECT id FROM reservations WHERE performance_id = :performanceId AND status IN ('REQUEST', 'CONFIRM') ORDER BY id")
    List<Long> findLiveOf(long performanceId);

    @Query("""
            SELECT COUNT(*) FROM reservations
             WHERE performance_id = :performanceId AND status = 'REQUEST' AND expires_at > :now AND expires_at <= :until
            """)
    long holdsExpiringBetween(long performanceId, Instant now, Instant until);
}
