package app.stagedoor.booking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Reservations. Transitions are conditional on the state the aggregate saw. */
interface ReservationRepository extends Repository<Reservation, Long> {

    Reservation save(Reservation reservation);

    Optional<Reservation> findById(long id);

    /** Reads the reservation and locks its row until commit, so a payment and the sweeper take turns. */
    @Query("SELECT * FROM reservations WHERE id = :id FOR UPDATE")
    Optional<Reservation> lockById(long id);

    List<Reservation> findByMemberIdOrderByIdDesc(long memberId, Pageable page);

    @Modifying
    @Query(
            "UPDATE reservations SET status = 'CONFIRM', confirmed_at = :now WHERE id = :id AND status = 'REQUEST' AND expires_at > :now")
    int markConfirmed(long id, Instant now);

    @Modifying
    @Query(
            "UPDATE reservations SET status = 'CANCEL', cancelled_at = :now, cancel_reason = :reason WHERE id = :id AND status = 'REQUEST'")
    int markCancelled(long id, String reason, Instant now);

    /** A cancelled reservation lets its seats go: they may be in a live reservation again. */
    @Modifying
    @Query("UPDATE reservation_seats SET live_seat_id = NULL WHERE reservation_id = :id")
    int releaseSeats(long id);

    @Query(
            "SELECT id FROM reservations WHERE status = 'REQUEST' AND expires_at <= :now ORDER BY expires_at LIMIT :limit")
    List<Long> findExpired(Instant now, int limit);

    @Query(
            "SELECT COALESCE(SUM(amount), 0) FROM reservations WHERE performance_id = :performanceId AND status = 'CONFIRM'")
    long revenue(long performanceId);

    @Query("""
            SELECT COUNT(*) FROM reservations
             WHERE performance_id = :performanceId AND status = 'REQUEST' AND expires_at > :now AND expires_at <= :until
            """)
    long holdsExpiringBetween(long performanceId, Instant now, Instant until);
}
