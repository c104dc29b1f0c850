package app.stagedoor.booking;

import app.stagedoor.concert.SeatView;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.shared.SeatPlace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code SEAT_UNAVAILABLE}: some of the seats were taken, and which. The seat map names them in
 * the fan's language from {@link #places()}; the API answers with {@code seatIds} and plain {@code
 * seatLabels}.
 */
class SeatsUnavailable extends DomainException {

    private final transient List<Long> seatIds;
    private final transient List<SeatPlace> places;

    private SeatsUnavailable(List<Long> seatIds, List<SeatPlace> places, Map<String, Object> properties, String text) {
        super(ErrorCode.SEAT_UNAVAILABLE, properties, text);
        this.seatIds = List.copyOf(seatIds);
        this.places = List.copyOf(places);
    }

    /** These seats are taken now. */
    static SeatsUnavailable of(List<SeatView> gone) {
        var ids = gone.stream().map(SeatView::id).toList();
        var places = gone.stream().map(SeatView::place).toList();
        var labels = places.stream().map(SeatPlace::label).toList();
        return new SeatsUnavailable(
                ids,
                places,
                Map.of("seatIds", new ArrayList<>(ids), "seatLabels", new ArrayList<>(labels)),
                String.join(", ", labels));
    }

    /** A seat stayed contended longer than a fan should wait; only its id is known here. */
    static SeatsUnavailable waitedFor(long seatId) {
        return new SeatsUnavailable(List.of(seatId), List.of(), Map.of("seatIds", List.of(seatId)), "#" + seatId);
    }

    List<Long> seatIds() {
        return seatIds;
    }

    List<SeatPlace> places() {
        return places;
    }

    /** Whether the seats are named (rather than known by id alone). */
    boolean isNamed() {
        return !places.isEmpty();
    }
}
