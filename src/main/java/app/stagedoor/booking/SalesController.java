package app.stagedoor.booking;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.concert.SeatInventory;
import app.stagedoor.shared.DomainException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The organiser's sales view of a concert, per date: seats available, held and sold, revenue and
 * holds about to run out. The concert's admin page loads it with htmx and refreshes it.
 */
@Controller
class SalesController {

    record DateSales(
            long performanceId,
            Instant startsAt,
            SeatInventory.SeatCounts seats,
            long revenue,
            long holdsExpiringSoon) {}

    private final Catalogue catalogue;
    private final SeatInventory inventory;
    private final ReservationRepository reservations;
    private final BookingProperties properties;
    private final Clock clock;

    SalesController(
            Catalogue catalogue,
            SeatInventory inventory,
            ReservationRepository reservations,
            BookingProperties properties,
            Clock clock) {
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.reservations = reservations;
        this.properties = properties;
        this.clock = clock;
    }

    @HxRequest
    @GetMapping("/admin/concerts/{concertId}/sales")
    String sales(@PathVariable long concertId, Model model) {
        var concert = catalogue.findConcert(concertId).orElseThrow(DomainException::notFound);
        var now = clock.instant();
        model.addAttribute("concert", concert);
        model.addAttribute("expiringMinutes", properties.expiringWithin().toMinutes());
        model.addAttribute(
                "sales",
                concert.performances().stream()
                        .map(p -> new DateSales(
                                p.id(),
                                p.startsAt(),
                                inventory.counts(p.id()),
                                reservations.revenue(p.id()),
                                reservations.holdsExpiringBetween(p.id(), now, now.plus(properties.expiringWithin()))))
                        .toList());
        return "booking/sales :: sales";
    }

    /** Opened directly rather than by the admin page: the admin page, which shows it. */
    @GetMapping("/admin/concerts/{concertId}/sales")
    String page(@PathVariable long concertId) {
        return "redirect:/admin/concerts/" + concertId;
    }
}
