package app.stagedoor.concert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A refresh storm reads the database once per ttl, not once per request. */
class CatalogueSnapshotsTest {

    @Test
    void a_thousand_askers_within_the_ttl_cause_one_read_and_a_change_shows_after_it() throws Exception {
        var reads = new AtomicInteger();
        var snapshots = new CatalogueSnapshots<Long, String>(Duration.ofMillis(500), 100);
        var askers = Executors.newFixedThreadPool(16);
        for (int i = 0; i < 1_000; i++) {
            askers.submit(() -> snapshots.get(1L, id -> "read " + reads.incrementAndGet()));
        }
        askers.shutdown();
        assertThat(askers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(reads).hasValue(1);
        assertThat(snapshots.get(1L, id -> "read " + reads.incrementAndGet())).isEqualTo("read 1");

        Awaitility.await()
                .atMost(Duration.ofSeconds(3))
                .until(() -> snapshots
                        .get(1L, id -> "read " + reads.incrementAndGet())
                        .equals("read 2"));
        assertThat(snapshots.get(2L, id -> "other " + reads.incrementAndGet())).isEqualTo("other 3");
    }

    @Test
    void a_version_is_the_same_for_the_same_content_and_changes_with_it() {
        assertThat(CatalogueSnapshots.versionOf(java.util.List.of(1, "a")))
                .isEqualTo(CatalogueSnapshots.versionOf(java.util.List.of(1, "a")))
                .isNotEqualTo(CatalogueSnapshots.versionOf(java.util.List.of(1, "b")))
                .hasSize(16);
    }
}
