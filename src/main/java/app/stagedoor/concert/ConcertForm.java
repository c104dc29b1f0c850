package app.stagedoor.concert;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The organiser's concert form: details and the section editor. Times are typed in the venue's
 * local time; {@link #toPlan} turns the form into the {@link ConcertPlan} the API takes, so both
 * are checked by the same rules and the errors land on the same field names. A bean with setters
 * rather than a record, so that one mistyped field leaves the rest of the form as typed.
 */
public class ConcertForm {

    private String title = "";
    private String artist = "";
    private String venue = "";
    private String description = "";
    private String timeZone = ConcertPlan.DEFAULT_TIME_ZONE;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime salesOpenAt;

    private Integer maxSeatsPerMember = 4;
    private List<SectionRow> sections = new ArrayList<>();

    /** One row of the section editor. */
    public static class SectionRow {

        private String name;
        private Integer rows;
        private Integer seatsPerRow;
        private Long price;

        public SectionRow() {}

        SectionRow(String name, Integer rows, Integer seatsPerRow, Long price) {
            this.name = name;
            this.rows = rows;
            this.seatsPerRow = seatsPerRow;
            this.price = price;
        }

        SectionSpec toSpec() {
            return new SectionSpec(name, rows, seatsPerRow, price);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Integer getRows() {
            return rows;
        }

        public void setRows(Integer rows) {
            this.rows = rows;
        }

        public Integer getSeatsPerRow() {
            return seatsPerRow;
        }

        public void setSeatsPerRow(Integer seatsPerRow) {
            this.seatsPerRow = seatsPerRow;
        }

        public Long getPrice() {
            return price;
        }

        public void setPrice(Long price) {
            this.price = price;
        }
    }

    static ConcertForm blank(ZoneId zone, LocalDateTime salesOpenAt) {
        var form = new ConcertForm();
        form.timeZone = zone.getId();
        form.salesOpenAt = salesOpenAt;
        form.sections.add(new SectionRow());
        return form;
    }

    static ConcertForm of(ConcertView concert) {
        var form = new ConcertForm();
        form.title = concert.title();
        form.artist = concert.artist();
        form.venue = concert.venue();
        form.description = concert.description();
        form.timeZone = concert.zone().getId();
        form.salesOpenAt = LocalDateTime.ofInstant(concert.salesOpenAt(), concert.zone());
        form.maxSeatsPerMember = concert.maxSeatsPerMember();
        concert.sections()
                .forEach(s -> form.sections.add(new SectionRow(s.name(), s.rows(), s.seatsPerRow(), s.price())));
        return form;
    }

    ConcertPlan toPlan(List<ConcertPlan.PerformanceSpec> performances, boolean published) {
        return new ConcertPlan(
                title,
                artist,
                venue,
                description,
                timeZone,
                salesOpenAt == null ? null : salesOpenAt.atZone(zoneOrDefault()).toInstant(),
                maxSeatsPerMember,
                sections.stream().map(row -> row == null ? null : row.toSpec()).toList(),
                performances,
                published);
    }

    ZoneId zoneOrDefault() {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException unknown) {
            return ZoneId.of(ConcertPlan.DEFAULT_TIME_ZONE);
        }
    }

    /** The section editor's buttons: {@code add}, or {@code remove-<index>}. */
    void edit(String action) {
        if ("add".equals(action)) {
            sections.add(new SectionRow());
        } else if (action != null && action.startsWith("remove-")) {
            try {
                int index = Integer.parseInt(action.substring("remove-".length()));
                if (index >= 0 && index < sections.size()) {
                    sections.remove(index);
                }
            } catch (NumberFormatException notOurs) {
                // not a button of ours: nothing to remove
            }
        }
    }

    /**
     * The sections that can be drawn already, for the preview while the organiser types, up to
     * the most seats a date may have (the preview's size cap).
     */
    List<SectionSpec> drawableSections() {
        var drawable = new ArrayList<SectionSpec>();
        int seats = 0;
        for (var section : drawableRows()) {
            seats += section.seats();
            if (seats > ConcertPlan.MAX_SEATS_PER_PERFORMANCE || drawable.size() == ConcertPlan.MAX_SECTIONS) {
                break;
            }
            drawable.add(section);
        }
        return drawable;
    }

    private List<SectionSpec> drawableRows() {
        return sections.stream()
                .filter(s -> s != null
                        && s.rows != null
                        && s.seatsPerRow != null
                        && s.rows > 0
                        && s.seatsPerRow > 0
                        && s.rows <= SectionSpec.MAX_ROWS
                        && s.seatsPerRow <= SectionSpec.MAX_SEATS_PER_ROW)
                .map(SectionRow::toSpec)
                .toList();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getArtist() {
        return artist;
    }

    public void setArtist(String artist) {
        this.artist = artist;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public LocalDateTime getSalesOpenAt() {
        return salesOpenAt;
    }

    public void setSalesOpenAt(LocalDateTime salesOpenAt) {
        this.salesOpenAt = salesOpenAt;
    }

    public Integer getMaxSeatsPerMember() {
        return maxSeatsPerMember;
    }

    public void setMaxSeatsPerMember(Integer maxSeatsPerMember) {
        this.maxSeatsPerMember = maxSeatsPerMember;
    }

    public List<SectionRow> getSections() {
        return sections;
    }

    public void setSections(List<SectionRow> sections) {
        this.sections = sections == null ? new ArrayList<>() : sections;
    }
}
