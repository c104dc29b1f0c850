package app.stagedoor.concert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demo the demo concert of a first start
 * @param seatMap the live seat map's refresh
 * @param publicPages the pages and API answers anyone may read: the catalogue and a concert's page
 */
@ConfigurationProperties(prefix = "stagedoor.concert", ignoreUnknownFields = false)
record ConcertProperties(
        @DefaultValue Demo demo,
        @DefaultValue SeatMap seatMap,
        @DefaultValue PublicPages publicPages) {

    /**
     * @param snapshotTtl how long each instance answers a date's seat-map refreshes from the seats it
     *     last read, before it reads them again (one read per date and period, however many fans look)
     * @param refresh how often an open seat map asks what changed
     */
    record SeatMap(
            @DefaultValue("1s") Duration snapshotTtl,
            @DefaultValue("4s") Duration refresh) {}

    /**
     * @param snapshotTtl how long each instance answers the catalogue's pages and each concert's page
     *     from what it last read, before it reads them again (one read per page and period,
     *     however many fans refresh)
     */
    record PublicPages(@DefaultValue("1s") Duration snapshotTtl) {}

    /**
     * @param enabled create one published demo concert on the first start of an empty catalogue;
     *     the {@code mysql} profile turns it off
     */
    record Demo(@DefaultValue("true") boolean enabled) {}
}
