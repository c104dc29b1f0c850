package app.stagedoor.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The draw's shuffle: the same for the same seed, and every order equally likely. */
class DrawOrderTest {

    static byte[] seed(long n) {
        return DrawOrder.sha256(ByteBuffer.allocate(8).putLong(n).array());
    }

    @Test
    void the_same_seed_and_entrants_give_the_same_order_whatever_order_they_come_in() {
        var entrants = List.of("0a", "0b", "0c", "0d", "0e", "0f");
        var order = DrawOrder.shuffle(seed(1), entrants);
        assertThat(DrawOrder.shuffle(seed(1), List.of("0f", "0c", "0a", "0e", "0b", "0d")))
                .isEqualTo(order);
        assertThat(order).containsExactlyInAnyOrderElementsOf(entrants);
        assertThat(DrawOrder.shuffle(seed(2), entrants))
                .as("another seed, another order")
                .isNotEqualTo(order);
    }

    /**
     * Over 24,000 seeds (fixed, so the test always gives the same answer) each of the 24 orders of
     * four entrants comes up about 1,000 times: within 4.5 standard deviations (σ ≈ 31), so no
     * entrant is favoured, whether they joined first or last.
     */
    @Test
    void every_order_is_equally_likely() {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (long n = 0; n < 24_000; n++) {
            counts.merge(DrawOrder.shuffle(seed(n), List.of("a", "b", "c", "d")), 1, Integer::sum);
        }
        assertThat(counts).hasSize(24);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(860, 1_140));
    }

    @Test
    void the_first_place_is_as_likely_for_any_entrant_of_a_larger_draw() {
        var entrants = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> "%04d".formatted(i))
                .toList();
        int[] first = new int[100];
        for (long n = 0; n < 20_000; n++) {
            first[Integer.parseInt(DrawOrder.shuffle(seed(n), entrants).get(0))]++;
        }
        // 200 expected each, σ ≈ 14
        assertThat(java.util.Arrays.stream(first).boxed().toList())
                .allSatisfy(count -> assertThat(count).isBetween(137, 263));
    }
}
