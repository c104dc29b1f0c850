package app.stagedoor.concert;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A section of a seat map as the organiser gives it (form or API). */
public record SectionSpec(
        @NotBlank(message = "{concert.section.name.required}") @Size(max = 40, message = "{concert.section.name.size}")
        String name,

        @NotNull(message = "{concert.section.rows.range}")
        @Min(value = 1, message = "{concert.section.rows.range}")
        @Max(value = SectionSpec.MAX_ROWS, message = "{concert.section.rows.range}")
        Integer rows,

        @NotNull(message = "{concert.section.seatsPerRow.range}")
        @Min(value = 1, message = "{concert.section.seatsPerRow.range}")
        @Max(value = SectionSpec.MAX_SEATS_PER_ROW, message = "{concert.section.seatsPerRow.range}")
        Integer seatsPerRow,

        @NotNull(message = "{concert.section.price.range}")
        @Min(value = SectionSpec.MIN_PRICE, message = "{concert.section.price.range}")
        @Max(value = SectionSpec.MAX_PRICE, message = "{concert.section.price.range}")
        Long price) {

    public static final int MAX_ROWS = 50;
    public static final int MAX_SEATS_PER_ROW = 60;
    public static final long MIN_PRICE = 1_000;
    public static final long MAX_PRICE = 10_000_000;

    /** A row of the section editor left empty: ignored. */
    boolean isBlank() {
        return (name == null || name.isBlank()) && rows == null && seatsPerRow == null && price == null;
    }

    int seats() {
        return rows == null || seatsPerRow == null ? 0 : rows * seatsPerRow;
    }
}
