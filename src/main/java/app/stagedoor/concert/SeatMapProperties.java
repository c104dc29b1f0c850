package app.stagedoor.concert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param snapshotTtl how long each instance answers a date's seat-map refreshes from the seats it
 *     last read, before it reads them again (one read per date and period, however many fans look)
 * @param refresh how often an open seat map asks what changed
 */
@ConfigurationProperties("stagedoor.concert.seat-map")
record SeatMapProperties(
        @DefaultValue("1s") Duration snapshotTtl,
        @DefaultValue("4s") Duration refresh) {}
