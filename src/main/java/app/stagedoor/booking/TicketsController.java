package app.stagedoor.booking;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.DomainException;
import java.util.stream.Collectors;
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
    private final QrCodes qrCodes;

    TicketsController(Reservations reservations, Catalogue catalogue, QrCodes qrCodes) {
        this.reservations = reservations;
        this.catalogue = catalogue;
        this.qrCodes = qrCodes;
    }

    @GetMapping("/reservations/{reservationId}/tickets")
    String tickets(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long reservationId, Model model) {
        var reservation = reservations.one(me.id(), reservationId);
        if (reservation.tickets().isEmpty()) {
            return "redirect:/reservations";
        }
        model.addAttribute("reservation", reservation);
        model.addAttribute(
                "qr",
                reservation.tickets().stream().collect(Collectors.toMap(Ticket::code, t -> qrCodes.svg(t.code()))));
        model.addAttribute(
                "concert", catalogue.findConcert(reservation.concertId()).orElseThrow(DomainException::notFound));
        model.addAttribute(
                "performance",
                catalogue.findPerformance(reservation.performanceId()).orElseThrow(DomainException::notFound));
        return "booking/tickets";
    }
}
