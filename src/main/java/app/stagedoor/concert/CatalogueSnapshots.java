package app.stagedoor.concert;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * What the public pages show, as this instance last read it: each page of the catalogue and each
 * published concert is read at most once per {@code ttl}, however many fans ask (the first asker
 * after that reads; those asking at the same moment wait for that one read). A change shows within
 * the ttl, on every instance.
 */
final class CatalogueSnapshots<K, V> {

    private record Entry<V>(V value, long readAt) {}

    private final Cache<K, Entry<V>> entries;
    private final long ttlNanos;

    CatalogueSnapshots(Duration ttl, long maximumSize) {
        this.ttlNanos = ttl.toNanos();
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(ttl.plusSeconds(60))
                .build();
    }

    V get(K key, Function<K, V> read) {
        var known = entries.getIfPresent(key);
        if (known != null && fresh(known)) {
            return known.value();
        }
        return entries.asMap()
                .compute(
                        key,
                        (k, old) -> old != null && fresh(old) ? old : new Entry<>(read.apply(k), System.nanoTime()))
                .value();
    }

    private boolean fresh(Entry<V> entry) {
        return System.nanoTime() - entry.readAt() < ttlNanos;
    }

    /** A version of what was read: the same content gives the same version on every instance. */
    static String versionOf(Object content) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
