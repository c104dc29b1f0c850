package app.stagedoor.concert;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A concert as pages and other modules see it. Times are instants; show them in {@link #zone}. */
public record ConcertView(
        long id,
        String title,
        String artist,
        String venue,
        String description,
        ZoneId zone,
        Instant salesOpenAt,
        int maxSeatsPerMember,
        boolean published,
        boolean hasPoster,
        List<SectionView> sections,
        List<PerformanceView> performances) {

    /** A section of the seat map, with its price tier (1 for the first section). */
    public record SectionView(String name, int tier, int rows, int seatsPerRow, long price) {

        public int seats() {
            return rows * seatsPerRow;
        }
    }

    public boolean isOnSaleAt(Instant now) {
        return published && !salesOpenAt.isAfter(now);
    }

    public long lowestPrice() {
        return sections.stream().mapToLong(SectionView::price).min().orElse(0);
    }

    public long highestPrice() {
        return sections.stream().mapToLong(SectionView::price).max().orElse(0);
    }

    public int seatsPerPerformance() {
        return sections.stream().mapToInt(SectionView::seats).sum();
    }

    static ConcertView of(Concert concert, boolean hasPoster, List<Performance> performances) {
        var sections = concert.sections();
        return new ConcertView(
                concert.id(),
                concert.title(),
                concert.artist(),
                concert.venue(),
                concert.description(),
                concert.zone(),
                concert.salesOpenAt(),
                concert.maxSeatsPerMember(),
                concert.published(),
                hasPoster,
                java.util.stream.IntStream.range(0, sections.size())
                        .mapToObj(i -> new SectionView(
                                sections.get(i).name(),
                                i + 1,
                                sections.get(i).seatRows(),
                                sections.get(i).seatsPerRow(),
                                sections.get(i).price()))
                        .toList(),
                performances.stream().map(PerformanceView::of).toList());
    }
}
