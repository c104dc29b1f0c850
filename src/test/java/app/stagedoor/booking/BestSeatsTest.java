package app.stagedoor.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.concert.SeatStatus;
import app.stagedoor.concert.SeatView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Best available picks what a box office would: together, near the stage, near the middle, no stranded seat. */
class BestSeatsTest {

    /** Sections of rows × 10 seats; ids are tier·1000 + row·100 + number; {@code taken} ids are sold. */
    static List<SeatView> hall(Set<Integer> taken, String... sections) {
        var seats = new ArrayList<SeatView>();
        for (int tier = 1; tier <= sections.length; tier++) {
            for (int row = 1; row <= 3; row++) {
                for (int number = 1; number <= 10; number++) {
                    int id = tier * 1000 + row * 100 + number;
                    seats.add(new SeatView(
                            id,
                            sections[tier - 1],
                            tier,
                            row,
                            number,
                            10_000,
                            taken.contains(id) ? SeatStatus.BOOKED : SeatStatus.AVAILABLE));
                }
            }
        }
        return seats;
    }

    static List<Long> ids(List<SeatView> seats) {
        return seats.stream().map(SeatView::id).toList();
    }

    @Test
    void an_empty_hall_gives_the_middle_of_the_first_row_of_the_first_section() {
        assertThat(ids(BestSeats.pick(hall(Set.of(), "VIP", "R"), 2, null).orElseThrow()))
                .containsExactly(1105L, 1106L);
        assertThat(ids(BestSeats.pick(hall(Set.of(), "VIP", "R"), 2, "R").orElseThrow()))
                .containsExactly(2105L, 2106L);
    }

    @Test
    void a_block_that_would_strand_one_seat_gives_way_to_one_that_does_not() {
        // row 1 has free seats 1-3 only: two of them would strand the third; row 2 is wide open
        var taken = Set.of(1104, 1105, 1106, 1107, 1108, 1109, 1110);
        assertThat(ids(BestSeats.pick(hall(taken, "VIP"), 2, null).orElseThrow()))
                .containsExactly(1205L, 1206L);
    }

    @Test
    void seats_are_side_by_side_in_one_row_or_not_at_all() {
        var everyOther = new java.util.HashSet<Integer>();
        for (int row = 1; row <= 3; row++) {
            for (int number = 2; number <= 10; number += 2) {
                everyOther.add(1000 + row * 100 + number);
            }
        }
        assertThat(BestSeats.pick(hall(everyOther, "VIP"), 2, null)).isEmpty();
        assertThat(ids(BestSeats.pick(hall(everyOther, "VIP"), 1, null).orElseThrow()))
                .hasSize(1);
    }
}
