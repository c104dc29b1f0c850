package app.stagedoor.booking;

import app.stagedoor.concert.NotAdmitted;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The seat map's form: hold the ticked seats and go to checkout, or back to the refreshed map with
 * the reason (which seats went, the limit).
 */
@Controller
class HoldController {

    private final Holds holds;
    private final MessageSource messages;

    HoldController(Holds holds, MessageSource messages) {
        this.holds = holds;
        this.messages = messages;
    }

    @PostMapping("/performances/{performanceId}/holds")
    String hold(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long performanceId,
            @RequestParam(required = false) List<Long> seatIds,
            RedirectAttributes redirect) {
        try {
            var reservation = holds.hold(me.id(), performanceId, seatIds);
            return "redirect:/reservations/" + reservation.id() + "/checkout";
        } catch (SeatsUnavailable taken) {
            redirect.addFlashAttribute("takenSeats", taken.places()); // the page names them in its language
            return "redirect:/performances/" + performanceId + "/seats";
        } catch (NotAdmitted refused) {
            return "redirect:/concerts/" + refused.concertId() + "/waiting-room";
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("holdError", messages.getMessage(refused, LocaleContextHolder.getLocale()));
            return "redirect:/performances/" + performanceId + "/seats";
        }
    }
}
