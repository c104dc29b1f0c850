package app.stagedoor.concert;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface PerformanceRepository extends Repository<Performance, Long> {

    /** Dates outside those Stagedoor writes (a row changed by hand) are skipped, not failed on. */
    String SANE = "starts_at >= TIMESTAMP '1970-01-01 00:00:00' AND starts_at < TIMESTAMP '2101-01-01 00:00:00'";

    Performance save(Performance performance);

    Optional<Performance> findById(long id);

    @Query("SELECT * FROM performances WHERE concert_id = :concertId AND " + SANE + " ORDER BY starts_at, id")
    List<Performance> findByConcert(long concertId);

    @Query("SELECT * FROM performances WHERE concert_id IN (:concertIds) AND " + SANE + " ORDER BY starts_at, id")
    List<Performance> findByConcerts(Collection<Long> concertIds);

    void delete(Performance performance);
}
