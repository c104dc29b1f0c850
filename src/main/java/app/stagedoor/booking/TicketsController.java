package app.stagedoor.booking;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.DomainException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /reservations/{id}/tickets}: the e-tickets of a paid reservation, one card per seat with
 * its QR code, to show at the door or print (one ticket per page). Only the fan's own.
 */
@Controller
class TicketsController {

    private final Reservations reservations;
    private final Catalogue catalogue;

    TicketsController(Reservations reservations, Catalogue catalogue) {
        this.reservations = reservations;
        this.catalogue = catalogue;
    }

    @GetMapping("/reservations/{reservationId}/tickets")
    String tickets(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long reservationId, Model model) {
        var reservation = reservations.one(me.id(), reservationId);
        if (reservation.tickets().isEmpty()) {
            return "redirect:/reservations";
        }
        model.addAttribute("reservation", reservation);
        model.addAttribute(
                "concert", catalogue.findConcert(reservation.concertId()).orElseThrow(DomainException::notFound));
        model.addAttribute(
                "performance",
                catalogue.findPerformance(reservation.performanceId()).orElseThrow(DomainException::notFound));
        return "booking/tickets";
    }
}
