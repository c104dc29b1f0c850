package app.stagedoor.concert;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.DomainException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRedirectView;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.FragmentsRendering;

/**
 * The fan's way in: concerts on sale, a concert's page, its dates, and the seat map of a date,
 * which refreshes its availability every few seconds while keeping the fan's ticks. The dates and
 * the seat map are for fans the waiting room has admitted; everyone else is sent there.
 */
@Controller
class CatalogueController {

    private final Catalogue catalogue;
    private final AdmissionGate gate;

    CatalogueController(Catalogue catalogue, AdmissionGate gate) {
        this.catalogue = catalogue;
        this.gate = gate;
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
        model.addAttribute("dates", catalogue.upcomingDatesOf(concertId));
        return "concert/concert";
    }

    @GetMapping("/concerts/{concertId}/performances")
    String dates(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long concertId, Model model) {
        var concert = catalogue.publishedConcert(concertId);
        var admittedUntil = gate.admittedUntil(me.id(), concertId);
        if (admittedUntil.isEmpty()) {
            return toWaitingRoom(concertId);
        }
        model.addAttribute("concert", concert);
        model.addAttribute("admittedUntil", admittedUntil.get());
        model.addAttribute("dates", catalogue.upcomingDatesOf(concertId));
        return "concert/performances";
    }

    @GetMapping("/performances/{performanceId}/seats")
    String seats(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long performanceId, Model model) {
        var map = seatMap(performanceId);
        var admittedUntil = gate.admittedUntil(me.id(), map.concert().id());
        if (admittedUntil.isEmpty()) {
            return toWaitingRoom(map.concert().id());
        }
        model.addAttribute("admittedUntil", admittedUntil.get());
        model.addAttribute("map", map);
        model.addAttribute(
                "selection", SeatSelection.of(map, List.of(), map.concert().maxSeatsPerMember()));
        return "concert/seats";
    }

    /** The periodic refresh: the map as it is now, with the fan's ticks kept where still free. */
    @HxRequest
    @GetMapping("/performances/{performanceId}/seats/map")
    View seatMapFragment(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long performanceId,
            @RequestParam(required = false) List<Long> seatIds,
            Model model) {
        return selection(
                me, performanceId, seatIds, model, "concert/seats :: map", "concert/seats :: summary(oob=true)");
    }

    /** The summary beside the map, after each tick or untick. */
    @HxRequest
    @GetMapping("/performances/{performanceId}/seats/summary")
    View summaryFragment(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long performanceId,
            @RequestParam(required = false) List<Long> seatIds,
            Model model) {
        return selection(me, performanceId, seatIds, model, "concert/seats :: summary(oob=false)");
    }

    /** The map and the fan's ticks as they stand now, drawn as these fragments; or back to the waiting room. */
    private View selection(
            MemberPrincipal me, long performanceId, List<Long> seatIds, Model model, String... fragments) {
        var map = seatMap(performanceId);
        if (gate.admittedUntil(me.id(), map.concert().id()).isEmpty()) {
            return new HtmxRedirectView("/concerts/" + map.concert().id() + "/waiting-room");
        }
        model.addAttribute("map", map);
        model.addAttribute(
                "selection", SeatSelection.of(map, seatIds, map.concert().maxSeatsPerMember()));
        return FragmentsRendering.fragments(
                        Arrays.stream(fragments).map(ModelAndView::new).toList())
                .build();
    }

    private SeatMapView seatMap(long performanceId) {
        var map = catalogue.seatMap(performanceId);
        if (!map.concert().published()) {
            throw DomainException.notFound();
        }
        return map;
    }

    private static String toWaitingRoom(long concertId) {
        return "redirect:/concerts/" + concertId + "/waiting-room";
    }
}
