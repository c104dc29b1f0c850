package app.stagedoor.booking;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /reservations/{id}/refund}: what cancelling a paid reservation gives back now (the fee
 * and the schedule it follows), then the cancellation itself, which lands on My tickets.
 */
@Controller
@RequestMapping("/reservations/{reservationId}/refund")
class RefundController {

    private final Refunds refunds;
    private final Reservations reservations;
    private final RefundSchedules schedules;
    private final Catalogue catalogue;
    private final MessageSource messages;

    RefundController(
            Refunds refunds,
            Reservations reservations,
            RefundSchedules schedules,
            Catalogue catalogue,
            MessageSource messages) {
        this.refunds = refunds;
        this.reservations = reservations;
        this.schedules = schedules;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @GetMapping
    String page(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long reservationId, Model model) {
        var reservation = reservations.one(me.id(), reservationId);
        model.addAttribute("reservation", reservation);
        model.addAttribute(
                "concert", catalogue.findConcert(reservation.concertId()).orElseThrow(DomainException::notFound));
        model.addAttribute(
                "performance",
                catalogue.findPerformance(reservation.performanceId()).orElseThrow(DomainException::notFound));
        model.addAttribute("schedule", schedules.of(reservation.concertId()));
        try {
            model.addAttribute("quote", refunds.quote(me.id(), reservationId));
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.NOT_FOUND) {
                throw refused;
            }
            model.addAttribute("refundError", message(refused));
        }
        return "booking/refund";
    }

    @PostMapping
    String refund(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long reservationId,
            RedirectAttributes redirect) {
        try {
            var refunded = refunds.refund(me.id(), reservationId);
            redirect.addFlashAttribute("refunded", refunded);
            return "redirect:/reservations";
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("refundError", message(refused));
            return "redirect:/reservations/" + reservationId + "/refund";
        }
    }

    private String message(DomainException refused) {
        return messages.getMessage(refused, LocaleContextHolder.getLocale());
    }
}
