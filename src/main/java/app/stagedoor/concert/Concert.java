package app.stagedoor.concert;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A concert with its seat map. Dates and seats are their own aggregates, referring to it by id. */
@Table("concerts")
class Concert {

    @Id
    private Long id;

    private String title;
    private String artist;
    private String venue;
    private String description;
    private String timeZone;
    private Instant salesOpenAt;
    private int maxSeatsPerMember;
    private boolean published;
    private final Instant createdAt;

    @Version
    private int version;

    @MappedCollection(idColumn = "concert_id", keyColumn = "position")
    private List<Section> sections;

    @PersistenceCreator
    Concert(
            Long id,
            String title,
            String artist,
            String venue,
            String description,
            String timeZone,
            Instant salesOpenAt,
            int maxSeatsPerMember,
            boolean published,
            Instant createdAt,
            int version,
            List<Section> sections) {
        this.id = id;
        this.title = title;
        this.artist = artist;
        this.venue = venue;
        this.description = description;
        this.timeZone = timeZone;
        this.salesOpenAt = salesOpenAt;
        this.maxSeatsPerMember = maxSeatsPerMember;
        this.published = published;
        this.createdAt = createdAt;
        this.version = version;
        this.sections = List.copyOf(sections);
    }

    static Concert plan(ConcertPlan plan, Instant now) {
        var concert = new Concert(null, null, null, null, null, null, null, 1, false, now, 0, List.of());
        concert.describe(plan);
        concert.sections = plan.sections().stream().map(Section::of).toList();
        concert.published = Boolean.TRUE.equals(plan.published());
        return concert;
    }

    /** New details; the seat map and the dates are changed on their own. */
    void describe(ConcertPlan plan) {
        this.title = plan.title().trim();
        this.artist = plan.artist().trim();
        this.venue = plan.venue().trim();
        this.description = plan.description().trim();
        this.timeZone = plan.timeZone();
        this.salesOpenAt = plan.salesOpenAt();
        this.maxSeatsPerMember = plan.maxSeatsPerMember();
    }

    /** A new seat map; the caller makes sure no seat of any date is held or sold. */
    void redrawSeatMap(List<Section> sections) {
        this.sections = List.copyOf(sections);
    }

    void publish(boolean hasPerformances) {
        if (!hasPerformances) {
            throw new DomainException(ErrorCode.INVALID_STATE);
        }
        this.published = true;
    }

    void unpublish() {
        this.published = false;
    }

    /** A date must come after the sales open. */
    boolean allowsPerformanceAt(Instant startsAt) {
        return startsAt.isAfter(salesOpenAt);
    }

    boolean isOnSaleAt(Instant now) {
        return published && !salesOpenAt.isAfter(now);
    }

    Long id() {
        return id;
    }

    String title() {
        return title;
    }

    String artist() {
        return artist;
    }

    String venue() {
        return venue;
    }

    String description() {
        return description;
    }

    ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    Instant salesOpenAt() {
        return salesOpenAt;
    }

    int maxSeatsPerMember() {
        return maxSeatsPerMember;
    }

    boolean published() {
        return published;
    }

    List<Section> sections() {
        return sections;
    }

    int seatsPerPerformance() {
        return sections.stream().mapToInt(Section::seats).sum();
    }
}
