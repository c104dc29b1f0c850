package app.stagedoor.booking;

import app.stagedoor.concert.SeatView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Best available: {@code count} free seats side by side in one row. Blocks that would leave a
 * single free seat stranded between taken ones (or a taken one and the end of the row), now or once
 * the gap beside them is filled with blocks of the same size, come last; then the nearest the stage
 * (the first section, its first row), then the nearest the row's centre.
 */
final class BestSeats {

    private BestSeats() {}

    private record Block(List<SeatView> seats, boolean strands, int tier, int row, double offCentre) {}

    private static final Comparator<Block> BEST_FIRST = Comparator.comparing(Block::strands)
            .thenComparingInt(Block::tier)
            .thenComparingInt(Block::row)
            .thenComparingDouble(Block::offCentre)
            .thenComparingLong(block -> block.seats().get(0).id());

    /** The best block, if any is left. */
    static Optional<List<SeatView>> pick(List<SeatView> seats, int count, String section) {
        var ranked = ranked(seats, count, section);
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
    }

    /**
     * The best block of each row that has one, best first. Fans racing for the best block may
     * spread over these without breaking rows into odd gaps: each is where its row packs next.
     */
    static List<List<SeatView>> bestPerRow(List<SeatView> seats, int count, String section) {
        var seen = new java.util.HashSet<String>();
        return ranked(seats, count, section).stream()
                .filter(block ->
                        seen.add(block.get(0).tier() + "/" + block.get(0).row()))
                .toList();
    }

    /**
     * Every block of {@code count} free adjacent seats, best first.
     *
     * @param seats every seat of the date, as the map lays them out
     * @param section only this section's seats, or null for any
     */
    static List<List<SeatView>> ranked(List<SeatView> seats, int count, String section) {
        var rows = new LinkedHashMap<String, List<SeatView>>();
        for (var seat : seats) {
            if (section == null || seat.section().equals(section)) {
                rows.computeIfAbsent(seat.tier() + "/" + seat.row(), key -> new ArrayList<>())
                        .add(seat);
            }
        }
        var blocks = new ArrayList<Block>();
        for (var row : rows.values()) {
            row.sort(Comparator.comparingInt(SeatView::number));
            double centre = (row.get(0).number() + row.get(row.size() - 1).number()) / 2.0;
            for (int start = 0; start + count <= row.size(); start++) {
                var block = row.subList(start, start + count);
                if (!allFreeAndAdjacent(block)) {
                    continue;
                }
                boolean strands =
                        freeRun(row, start - 1, -1) % count == 1 || freeRun(row, start + count, +1) % count == 1;
                double middle = (block.get(0).number() + block.get(count - 1).number()) / 2.0;
                blocks.add(new Block(
                        List.copyOf(block),
                        strands,
                        block.get(0).tier(),
                        block.get(0).row(),
                        Math.abs(middle - centre)));
            }
        }
        blocks.sort(BEST_FIRST);
        return blocks.stream().map(Block::seats).toList();
    }

    private static boolean allFreeAndAdjacent(List<SeatView> block) {
        for (int i = 0; i < block.size(); i++) {
            if (!block.get(i).isAvailable()
                    || (i > 0 && block.get(i).number() != block.get(i - 1).number() + 1)) {
                return false;
            }
        }
        return true;
    }

    /** How many free seats run from {@code from} outwards, up to a taken seat or the end of the row. */
    private static int freeRun(List<SeatView> row, int from, int outwards) {
        int run = 0;
        for (int at = from; at >= 0 && at < row.size() && row.get(at).isAvailable(); at += outwards) {
            run++;
        }
        return run;
    }
}
