package app.stagedoor.booking;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.concert.ConcertView;
import app.stagedoor.member.MemberPrincipal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /reservations}: the fan's tickets and holds; only their own. */
@Controller
class ReservationsController {

    private final Reservations reservations;
    private final Catalogue catalogue;

    ReservationsController(Reservations reservations, Catalogue catalogue) {
        this.reservations = reservations;
        this.catalogue = catalogue;
    }

    @GetMapping("/reservations")
    String list(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        var mine = reservations.of(me.id());
        Map<Long, ConcertView> concerts = new HashMap<>();
        mine.forEach(r -> concerts.computeIfAbsent(
                r.concertId(), id -> catalogue.findConcert(id).orElse(null)));
        Map<Long, java.time.Instant> dates = new HashMap<>();
        concerts.values().stream()
                .filter(java.util.Objects::nonNull)
                .flatMap(c -> c.performances().stream())
                .forEach(p -> dates.put(p.id(), p.startsAt()));
        model.addAttribute("reservations", mine);
        model.addAttribute("concerts", concerts);
        model.addAttribute("dates", dates);
        return "booking/reservations";
    }
}
