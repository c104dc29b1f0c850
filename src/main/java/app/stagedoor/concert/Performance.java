package app.stagedoor.concert;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A date of a concert. Its seats are created from the concert's seat map when it is added. */
@Table("performances")
record Performance(@Id Long id, @Column("concert_id") AggregateReference<Concert, Long> concert, Instant startsAt) {

    static Performance of(long concertId, Instant startsAt) {
        return new Performance(null, AggregateReference.to(concertId), startsAt);
    }

    long concertId() {
        return concert.getId();
    }
}
