package app.stagedoor.booking;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.concert.ConcertView;
import app.stagedoor.member.MemberPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /reservations}: the fan's tickets, only their own. Upcoming dates first, past ones apart;
 * holds that lapsed or were let go cost nothing and are folded away rather than shown as
 * cancelled purchases.
 */
@Controller
class ReservationsController {

    private final Reservations reservations;
    private final Catalogue catalogue;
    private final Clock clock;

    ReservationsController(Reservations reservations, Catalogue catalogue, Clock clock) {
        this.reservations = reservations;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @GetMapping("/reservations")
    String list(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        var mine = reservations.of(me.id());
        Map<Long, ConcertView> concerts = new HashMap<>();
        mine.forEach(r -> concerts.computeIfAbsent(
                r.concertId(), id -> catalogue.findConcert(id).orElse(null)));
        Map<Long, Instant> dates = new HashMap<>();
        concerts.values().stream()
                .filter(Objects::nonNull)
                .flatMap(c -> c.performances().stream())
                .forEach(p -> dates.put(p.id(), p.startsAt()));
        var now = clock.instant();
        var upcoming = new ArrayList<ReservationView>();
        var past = new ArrayList<ReservationView>();
        var notCharged = new ArrayList<ReservationView>();
        for (var r : mine) {
            var startsAt = dates.get(r.performanceId());
            if (r.isNeverCharged()) {
                notCharged.add(r);
            } else if (startsAt != null && !startsAt.isAfter(now)) {
                past.add(r);
            } else {
                upcoming.add(r);
            }
        }
        upcoming.sort((a, b) -> compare(dates.get(a.performanceId()), dates.get(b.performanceId())));
        model.addAttribute("upcoming", upcoming);
        model.addAttribute("past", past);
        model.addAttribute("notCharged", notCharged);
        model.addAttribute("concerts", concerts);
        model.addAttribute("dates", dates);
        return "booking/reservations";
    }

    private static int compare(Instant a, Instant b) {
        return a == null || b == null ? 0 : a.compareTo(b);
    }
}
