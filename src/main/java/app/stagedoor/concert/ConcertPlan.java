package app.stagedoor.concert;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A whole concert as the organiser describes it: details, seat map and dates. The body of {@code
 * POST /api/v1/admin/concerts}; the admin pages build the same from their forms, so both are
 * checked by the same rules, including those across fields ({@link ValidConcertPlan}).
 */
@ValidConcertPlan
public record ConcertPlan(
        @NotBlank(message = "{concert.title.required}") @Size(max = 120, message = "{concert.text.size}")
        String title,

        @NotBlank(message = "{concert.artist.required}") @Size(max = 120, message = "{concert.text.size}")
        String artist,

        @NotBlank(message = "{concert.venue.required}") @Size(max = 120, message = "{concert.text.size}")
        String venue,

        @Size(max = 4000, message = "{concert.description.size}")
        String description,

        String timeZone,
        @NotNull(message = "{concert.salesOpenAt.required}") Instant salesOpenAt,

        @NotNull(message = "{concert.maxSeats.range}")
        @Min(value = 1, message = "{concert.maxSeats.range}")
        @Max(value = ConcertPlan.MAX_SEATS_PER_MEMBER, message = "{concert.maxSeats.range}")
        Integer maxSeatsPerMember,

        @NotEmpty(message = "{concert.sections.required}")
        @Size(max = ConcertPlan.MAX_SECTIONS, message = "{concert.sections.size}")
        List<@Valid @NotNull SectionSpec> sections,

        @Size(max = ConcertPlan.MAX_PERFORMANCES, message = "{concert.performances.size}")
        List<@Valid @NotNull PerformanceSpec> performances,

        Boolean published) {

    public static final int MAX_SEATS_PER_MEMBER = 20;
    public static final int MAX_SECTIONS = 12;
    public static final int MAX_PERFORMANCES = 60;
    public static final int MAX_SEATS_PER_PERFORMANCE = 5_000;
    public static final String DEFAULT_TIME_ZONE = "Asia/Seoul";

    public ConcertPlan {
        timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone.trim();
        description = description == null ? "" : description;
        performances = performances == null ? List.of() : performances;
    }

    /** A date of a concert. */
    public record PerformanceSpec(
            @NotNull(message = "{concert.startsAt.required}")
            Instant startsAt) {}
}
