package app.stagedoor.concert;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.FragmentsRendering;

/**
 * The fan's way in: concerts on sale, a concert's page, its dates, and the seat map of a date,
 * which refreshes its availability every few seconds while keeping the fan's ticks.
 */
@Controller
class CatalogueController {

    private final Catalogue catalogue;

    CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("concerts", catalogue.publishedConcerts());
        return "concert/home";
    }

    @GetMapping("/concerts/{concertId}")
    String concert(@PathVariable long concertId, Model model) {
        var concert = catalogue.publishedConcert(concertId);
        model.addAttribute("concert", concert);
        model.addAttribute("dates", catalogue.datesOf(concertId));
        return "concert/concert";
    }

    @GetMapping("/concerts/{concertId}/performances")
    String dates(@PathVariable long concertId, Model model) {
        model.addAttribute("concert", catalogue.publishedConcert(concertId));
        model.addAttribute("dates", catalogue.datesOf(concertId));
        return "concert/performances";
    }

    @GetMapping("/performances/{performanceId}/seats")
    String seats(@PathVariable long performanceId, Model model) {
        var map = seatMap(performanceId);
        model.addAttribute("map", map);
        model.addAttribute(
                "selection", SeatSelection.of(map, List.of(), map.concert().maxSeatsPerMember()));
        return "concert/seats";
    }

    /** The periodic refresh: the map as it is now, with the fan's ticks kept where still free. */
    @HxRequest
    @GetMapping("/performances/{performanceId}/seats/map")
    FragmentsRendering seatMapFragment(
            @PathVariable long performanceId, @RequestParam(required = false) List<Long> seatIds, Model model) {
        var map = seatMap(performanceId);
        model.addAttribute("map", map);
        model.addAttribute(
                "selection", SeatSelection.of(map, seatIds, map.concert().maxSeatsPerMember()));
        return FragmentsRendering.fragment("concert/seats :: map")
                .fragment("concert/seats :: summary(oob=true)")
                .build();
    }

    /** The summary beside the map, after each tick or untick. */
    @HxRequest
    @GetMapping("/performances/{performanceId}/seats/summary")
    String summaryFragment(
            @PathVariable long performanceId, @RequestParam(required = false) List<Long> seatIds, Model model) {
        var map = seatMap(performanceId);
        model.addAttribute("map", map);
        model.addAttribute(
                "selection", SeatSelection.of(map, seatIds, map.concert().maxSeatsPerMember()));
        return "concert/seats :: summary(oob=false)";
    }

    private SeatMapView seatMap(long performanceId) {
        var map = catalogue.seatMap(performanceId);
        if (!map.concert().published()) {
            throw app.stagedoor.shared.DomainException.notFound();
        }
        return map;
    }
}
