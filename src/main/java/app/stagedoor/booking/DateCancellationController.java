package app.stagedoor.booking;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.concert.PerformanceCancellations;
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
 * {@code /admin/performances/{id}/cancel}: what cancelling a date does (every booking refunded in
 * full), asked once more, then done; or, once cancelled, who did it and when.
 */
@Controller
@RequestMapping("/admin/performances/{performanceId}/cancel")
class DateCancellationController {

    private final DateCancellations dateCancellations;
    private final PerformanceCancellations cancellations;
    private final ETicketStore tickets;
    private final Catalogue catalogue;
    private final MessageSource messages;

    DateCancellationController(
            DateCancellations dateCancellations,
            PerformanceCancellations cancellations,
            ETicketStore tickets,
            Catalogue catalogue,
            MessageSource messages) {
        this.dateCancellations = dateCancellations;
        this.cancellations = cancellations;
        this.tickets = tickets;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @GetMapping
    String page(@PathVariable long performanceId, Model model) {
        var performance = catalogue.findPerformance(performanceId).orElseThrow(DomainException::notFound);
        model.addAttribute("performance", performance);
        model.addAttribute(
                "concert", catalogue.findConcert(performance.concertId()).orElseThrow(DomainException::notFound));
        model.addAttribute("cancellation", cancellations.of(performanceId).orElse(null));
        model.addAttribute("counts", tickets.counts(performanceId));
        return "booking/cancel-date";
    }

    @PostMapping
    String cancel(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long performanceId,
            RedirectAttributes redirect) {
        try {
            var cancelled = dateCancellations.cancel(performanceId, me.getUsername());
            redirect.addFlashAttribute("cancelled", cancelled);
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("cancelError", messages.getMessage(refused, LocaleContextHolder.getLocale()));
        }
        return "redirect:/admin/performances/" + performanceId + "/cancel";
    }
}
