package app.stagedoor.concert;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface PerformanceRepository extends Repository<Performance, Long> {

    Performance save(Performance performance);

    Optional<Performance> findById(long id);

    @Query("SELECT * FROM performances WHERE concert_id = :concertId ORDER BY starts_at, id")
    List<Performance> findByConcert(long concertId);

    @Query("SELECT * FROM performances WHERE concert_id IN (:concertIds) ORDER BY starts_at, id")
    List<Performance> findByConcerts(Collection<Long> concertIds);

    void delete(Performance performance);
}
