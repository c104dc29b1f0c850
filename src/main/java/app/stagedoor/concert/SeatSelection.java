package app.stagedoor.concert;

import app.stagedoor.shared.SeatPlace;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The seats a fan has ticked on the map, checked against the map as it is now: seats taken in
 * the meantime drop out (and are named), and more than the limit is refused before holding.
 */
public record SeatSelection(List<SeatView> seats, List<SeatView> lost, int limit) {

    public static SeatSelection of(SeatMapView map, Collection<Long> requested, int limit) {
        var wanted = requested == null
                ? Set.<Long>of()
                : requested.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        var onMap =
                map.seats().stream().filter(seat -> wanted.contains(seat.id())).toList();
        return new SeatSelection(
                onMap.stream().filter(SeatView::isAvailable).toList(),
                onMap.stream().filter(seat -> !seat.isAvailable()).toList(),
                limit);
    }

    public long total() {
        return seats.stream().mapToLong(SeatView::price).sum();
    }

    public boolean isEmpty() {
        return seats.isEmpty();
    }

    public boolean isOverLimit() {
        return seats.size() > limit;
    }

    public boolean canHold() {
        return !seats.isEmpty() && !isOverLimit();
    }

    public boolean contains(long seatId) {
        return seats.stream().anyMatch(seat -> seat.id() == seatId);
    }

    public List<SeatPlace> lostPlaces() {
        return lost.stream().map(SeatView::place).toList();
    }
}
