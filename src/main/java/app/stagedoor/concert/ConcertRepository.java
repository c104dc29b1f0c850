package app.stagedoor.concert;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface ConcertRepository extends Repository<Concert, Long> {

    String SANE =
            "sales_open_at >= TIMESTAMP '1970-01-01 00:00:00' AND sales_open_at < TIMESTAMP '2101-01-01 00:00:00'";

    Concert save(Concert concert);

    Optional<Concert> findById(long id);

    /*
     * The lists (this one, and the catalogue's pages in Catalogue) skip a concert whose sales time
     * lies outside the dates Stagedoor writes (a row changed by hand, a zero date on MariaDB): one
     * such row must not take the pages down.
     */
    @Query("SELECT * FROM concerts WHERE " + SANE + " ORDER BY created_at DESC, id DESC")
    List<Concert> findAllNewestFirst();

    boolean existsBy();
}
