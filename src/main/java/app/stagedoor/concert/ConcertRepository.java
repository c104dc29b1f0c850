package app.stagedoor.concert;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface ConcertRepository extends Repository<Concert, Long> {

    Concert save(Concert concert);

    Optional<Concert> findById(long id);

    @Query("SELECT * FROM concerts WHERE published = TRUE ORDER BY sales_open_at, id")
    List<Concert> findPublished();

    @Query("SELECT * FROM concerts ORDER BY created_at DESC, id DESC")
    List<Concert> findAllNewestFirst();

    boolean existsBy();
}
