package app.stagedoor.concert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** The seats of one date laid out as the map shows them: sections, then rows, then seats. */
public record SeatMapView(ConcertView concert, PerformanceView performance, List<SectionSeats> sections) {

    public record SectionSeats(String name, int tier, long price, List<SeatRow> rows) {

        public long available() {
            return rows.stream()
                    .flatMap(row -> row.seats().stream())
                    .filter(SeatView::isAvailable)
                    .count();
        }

        public int seats() {
            return rows.stream().mapToInt(row -> row.seats().size()).sum();
        }

        public int seatsPerRow() {
            return rows.stream().mapToInt(row -> row.seats().size()).max().orElse(0);
        }

        /** How wide the section is drawn on the hall's overview, in tenths of the widest (at least 3). */
        public int widthTenths(int widestRow) {
            return widestRow == 0 ? 10 : Math.max(3, Math.round(10f * seatsPerRow() / widestRow));
        }
    }

    public record SeatRow(int row, List<SeatView> seats) {}

    /** The most seats in any row of the map. */
    public int widestRow() {
        return sections.stream().mapToInt(SectionSeats::seatsPerRow).max().orElse(0);
    }

    public List<SeatView> seats() {
        return sections.stream()
                .flatMap(s -> s.rows().stream())
                .flatMap(r -> r.seats().stream())
                .toList();
    }

    static SeatMapView layOut(ConcertView concert, PerformanceView performance, List<SeatView> seats) {
        var bySection = new LinkedHashMap<Integer, List<SeatView>>();
        seats.forEach(seat -> bySection
                .computeIfAbsent(seat.tier(), tier -> new ArrayList<>())
                .add(seat));
        var sections = bySection.values().stream()
                .map(sectionSeats -> {
                    var byRow = new LinkedHashMap<Integer, List<SeatView>>();
                    sectionSeats.forEach(seat -> byRow.computeIfAbsent(seat.row(), row -> new ArrayList<>())
                            .add(seat));
                    var first = sectionSeats.get(0);
                    return new SectionSeats(
                            first.section(),
                            first.tier(),
                            first.price(),
                            byRow.entrySet().stream()
                                    .map(e -> new SeatRow(e.getKey(), e.getValue()))
                                    .toList());
                })
                .toList();
        return new SeatMapView(concert, performance, sections);
    }
}
