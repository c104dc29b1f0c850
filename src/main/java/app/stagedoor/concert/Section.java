package app.stagedoor.concert;

import org.springframework.data.relational.core.mapping.Table;

/** One block of the seat map: {@code seatRows} rows of {@code seatsPerRow} seats at one price. */
@Table("concert_sections")
record Section(String name, int seatRows, int seatsPerRow, long price) {

    int seats() {
        return seatRows * seatsPerRow;
    }

    static Section of(SectionSpec spec) {
        return new Section(spec.name().trim(), spec.rows(), spec.seatsPerRow(), spec.price());
    }
}
