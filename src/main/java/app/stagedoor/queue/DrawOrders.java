package app.stagedoor.queue;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The drawn orders ({@code queue_draw_orders}): each draw's entrants, ids and codes, in place order,
 * stored as it was decided, in a few large rows. Every instance keeps the orders of the lines it
 * serves in memory, so a poll learns its place from its ticket id without reading the database,
 * and the promoter writes the places into the tickets from it, front first.
 */
@Repository
class DrawOrders {

    static final int CHUNK = 50_000;

    /**
     * One line's drawn order.
     *
     * @param firstPlace the place of the first entrant
     * @param ids the entrants' ticket ids in place order
     * @param codes their codes, in the same order
     */
    record Order(long firstPlace, long[] ids, long[] codes, long[] sortedIds, int[] indexOfSorted) {

        static Order of(long firstPlace, long[] ids, long[] codes) {
            // sorted by id, each id packed with its index (ticket ids stay far below 2^42)
            var packed = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] >= 1L << 42 || ids.length > 1 << 21) {
                    throw new IllegalStateException("a draw of this size or these ids does not fit the index");
                }
                packed[i] = ids[i] << 21 | i;
            }
            Arrays.sort(packed);
            var sorted = new long[ids.length];
            var indexOf = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                sorted[i] = packed[i] >>> 21;
                indexOf[i] = (int) (packed[i] & ((1 << 21) - 1));
            }
            return new Order(firstPlace, ids, codes, sorted, indexOf);
        }

        int size() {
            return ids.length;
        }

        /** The place the draw gave this ticket, if it was drawn. */
        OptionalLong placeOf(long ticketId) {
            int found = Arrays.binarySearch(sortedIds, ticketId);
            return found < 0 ? OptionalLong.empty() : OptionalLong.of(firstPlace + indexOfSorted[found]);
        }

        String code(int index) {
            return HexFormat.of().toHexDigits(codes[index]);
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final LoadingCache<Long, Optional<Order>> orders;

    DrawOrders(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
        // an order never changes once drawn; an undrawn line is asked again after a moment
        this.orders = Caffeine.newBuilder()
                .maximumWeight(20_000_000)
                .<Long, Optional<Order>>weigher(
                        (id, order) -> 1 + order.map(Order::size).orElse(0))
                .expireAfter(com.github.benmanes.caffeine.cache.Expiry.<Long, Optional<Order>>creating((id, order) ->
                        order.isPresent() ? java.time.Duration.ofHours(6) : java.time.Duration.ofSeconds(1)))
                .build(this::load);
    }

    /** Stores a line's drawn order; the caller, the promoter, holds the line's lock. */
    void save(long concertId, long firstPlace, long[] ids, long[] codes) {
        var rows = new java.util.ArrayList<Object[]>();
        for (int from = 0, chunk = 0; from < Math.max(1, ids.length); from += CHUNK, chunk++) {
            int to = Math.min(ids.length, from + CHUNK);
            var bytes = ByteBuffer.allocate(8 + (to - from) * 16).putLong(firstPlace + from);
            for (int i = from; i < to; i++) {
                bytes.putLong(ids[i]).putLong(codes[i]);
            }
            rows.add(new Object[] {concertId, chunk, bytes.array()});
        }
        batch.batchUpdate("INSERT INTO queue_draw_orders (concert_id, chunk, entrants) VALUES (?, ?, ?)", rows);
        orders.put(concertId, Optional.of(Order.of(firstPlace, ids, codes)));
    }

    /** The line's drawn order, from memory once read; empty until drawn. */
    Optional<Order> of(long concertId) {
        return orders.get(concertId);
    }

    private Optional<Order> load(long concertId) {
        List<byte[]> chunks = jdbc.sql("SELECT entrants FROM queue_draw_orders WHERE concert_id = ? ORDER BY chunk")
                .param(concertId)
                .query((rs, n) -> rs.getBytes(1))
                .list();
        if (chunks.isEmpty()) {
            return Optional.empty();
        }
        int size = chunks.stream().mapToInt(chunk -> (chunk.length - 8) / 16).sum();
        var ids = new long[size];
        var codes = new long[size];
        long firstPlace = ByteBuffer.wrap(chunks.get(0)).getLong();
        int at = 0;
        for (var chunk : chunks) {
            var bytes = ByteBuffer.wrap(chunk);
            bytes.getLong();
            while (bytes.hasRemaining()) {
                ids[at] = bytes.getLong();
                codes[at++] = bytes.getLong();
            }
        }
        return Optional.of(Order.of(firstPlace, ids, codes));
    }
}
