package app.stagedoor.queue;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The draw's shuffle, exactly as published in {@link #ALGORITHM} and re-computed by {@code
 * bin/verify-draw}: the entrants' codes in ascending order, shuffled by Fisher–Yates (Durstenfeld)
 * with random numbers from SHA-256 in counter mode over the seed. Every order is equally likely
 * (unbiased rejection sampling), and the same seed and entrants always give the same order.
 *
 * <ul>
 *   <li>the stream: block {@code k} (k = 0, 1, 2, …) is {@code SHA-256(seed || k)}, {@code seed}
 *       the 32 seed bytes and {@code k} an unsigned 64-bit big-endian integer; each block gives
 *       four unsigned 64-bit big-endian numbers, used in order;
 *   <li>a number below {@code m}: take the next number {@code x}; reject it while {@code x < 2^64
 *       mod m}; answer {@code x mod m};
 *   <li>the shuffle: for {@code i} from {@code n − 1} down to 1, swap entrant {@code i} with
 *       entrant {@code j}, {@code j} the next number below {@code i + 1}; the entrant first in the
 *       result gets place 1.
 * </ul>
 */
final class DrawOrder {

    static final String ALGORITHM =
            "fisher-yates over the entrants sorted ascending; numbers from sha256(seed || uint64be(k)), k = 0, 1, …,"
                    + " four uint64be per block, x mod m after rejecting x < 2^64 mod m";

    private DrawOrder() {}

    /** The entrants in drawn order: the first gets place 1. {@code entrants} need not be sorted. */
    static List<String> shuffle(byte[] seed, List<String> entrants) {
        var order = new ArrayList<>(entrants);
        order.sort(null);
        var numbers = new Numbers(seed);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = (int) numbers.below(i + 1);
            var swapped = order.get(i);
            order.set(i, order.get(j));
            order.set(j, swapped);
        }
        return order;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** SHA-256 in counter mode over the seed. */
    private static final class Numbers {

        private final MessageDigest sha256;
        private final byte[] seed;
        private final ByteBuffer block = ByteBuffer.allocate(32);
        private long counter;

        Numbers(byte[] seed) {
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
            this.seed = seed.clone();
            block.position(block.limit());
        }

        long below(long m) {
            long threshold = Long.remainderUnsigned(-m, m); // 2^64 mod m
            while (true) {
                long x = next();
                if (Long.compareUnsigned(x, threshold) >= 0) {
                    return Long.remainderUnsigned(x, m);
                }
            }
        }

        private long next() {
            if (!block.hasRemaining()) {
                sha256.update(seed);
                sha256.update(ByteBuffer.allocate(8).putLong(counter++).array());
                block.clear();
                block.put(sha256.digest());
                block.flip();
            }
            return block.getLong();
        }
    }
}
