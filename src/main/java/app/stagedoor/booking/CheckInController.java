package app.stagedoor.booking;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.Codes;
import app.stagedoor.shared.DomainException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/performances/{id}/check-in}: the door. One field takes a code typed or sent by a
 * hand-held scanner (which types it and presses Enter); with htmx the answer and the count swap in
 * and the field is empty and ready at once, without it the form posts and the page comes back.
 */
@Controller
@RequestMapping("/admin/performances/{performanceId}/check-in")
class CheckInController {

    /** What the door is told, in one word the page shows big. */
    enum Verdict {
        VALID,
        ALREADY_CHECKED_IN,
        WRONG_PERFORMANCE,
        TICKET_VOID,
        UNKNOWN
    }

    record Answer(Verdict verdict, String code, Ticket ticket, Instant checkedInAt) {}

    private final CheckIns checkIns;
    private final ETicketStore tickets;
    private final Catalogue catalogue;

    CheckInController(CheckIns checkIns, ETicketStore tickets, Catalogue catalogue) {
        this.checkIns = checkIns;
        this.tickets = tickets;
        this.catalogue = catalogue;
    }

    @GetMapping
    String page(@PathVariable long performanceId, Model model) {
        populate(performanceId, model);
        return "booking/check-in";
    }

    @HxRequest
    @GetMapping("/count")
    String count(@PathVariable long performanceId, Model model) {
        populate(performanceId, model);
        return "booking/check-in :: count";
    }

    @HxRequest
    @PostMapping
    String checkInFragment(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long performanceId,
            @RequestParam(defaultValue = "") String code,
            Model model) {
        model.addAttribute("answer", answer(me, performanceId, code));
        populate(performanceId, model);
        return "booking/check-in :: answer";
    }

    @PostMapping
    String checkIn(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long performanceId,
            @RequestParam(defaultValue = "") String code,
            Model model) {
        model.addAttribute("answer", answer(me, performanceId, code));
        populate(performanceId, model);
        return "booking/check-in";
    }

    private Answer answer(MemberPrincipal me, long performanceId, String code) {
        try {
            var admitted = checkIns.checkIn(performanceId, code, me.id());
            return new Answer(Verdict.VALID, code, admitted.ticket(), admitted.checkedInAt());
        } catch (DomainException refused) {
            var ticket = tickets.byCode(Codes.normalise(code)).orElse(null);
            var verdict = switch (refused.code()) {
                case ALREADY_CHECKED_IN -> Verdict.ALREADY_CHECKED_IN;
                case WRONG_PERFORMANCE -> Verdict.WRONG_PERFORMANCE;
                case TICKET_VOID -> Verdict.TICKET_VOID;
                default -> Verdict.UNKNOWN;
            };
            return new Answer(
                    verdict,
                    code,
                    verdict == Verdict.UNKNOWN ? null : ticket,
                    ticket == null ? null : ticket.checkedInAt());
        }
    }

    private void populate(long performanceId, Model model) {
        var performance = catalogue.findPerformance(performanceId).orElseThrow(DomainException::notFound);
        model.addAttribute("performance", performance);
        model.addAttribute(
                "concert", catalogue.findConcert(performance.concertId()).orElseThrow(DomainException::notFound));
        model.addAttribute("counts", checkIns.counts(performanceId));
    }
}
