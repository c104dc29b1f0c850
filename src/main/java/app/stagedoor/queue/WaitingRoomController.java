package app.stagedoor.queue;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRedirectView;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.FragmentsRendering;

/**
 * {@code /concerts/{id}/waiting-room}: join, watch the place move, and go on to the dates by
 * itself once admitted. The panel polls at the interval the server suggests, with the signed
 * ticket, so a waiting fan's poll touches no database.
 */
@Controller
@RequestMapping("/concerts/{concertId}/waiting-room")
class WaitingRoomController {

    private final WaitingRoom waitingRoom;
    private final Catalogue catalogue;

    WaitingRoomController(WaitingRoom waitingRoom, Catalogue catalogue) {
        this.waitingRoom = waitingRoom;
        this.catalogue = catalogue;
    }

    @GetMapping
    String page(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long concertId, Model model) {
        var concert = catalogue.publishedConcert(concertId);
        var ticket = waitingRoom.status(me.id(), concertId, null);
        if (ticket.isActive()) {
            return datesOf(concertId);
        }
        model.addAttribute("concert", concert);
        model.addAttribute("concertId", concertId);
        model.addAttribute("ticket", ticket);
        return "queue/waiting-room";
    }

    @PostMapping
    String join(
            @AuthenticationPrincipal MemberPrincipal me, @PathVariable long concertId, RedirectAttributes redirect) {
        try {
            var ticket = waitingRoom.join(me.id(), concertId);
            return ticket.isActive() ? datesOf(concertId) : "redirect:/concerts/" + concertId + "/waiting-room";
        } catch (DomainException refused) {
            if (refused.code() != ErrorCode.SALES_NOT_OPEN) {
                throw refused;
            }
            redirect.addFlashAttribute("notOpen", true);
            return "redirect:/concerts/" + concertId + "/waiting-room";
        }
    }

    /** The panel's poll. Once admitted the browser is sent to the dates. */
    @HxRequest
    @GetMapping("/status")
    View status(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long concertId,
            @RequestParam(required = false) String ticket,
            Model model) {
        var current = waitingRoom.status(me.id(), concertId, ticket);
        if (current.isActive()) {
            return new HtmxRedirectView("/concerts/" + concertId + "/performances");
        }
        if (!current.isWaiting()) {
            return new HtmxRedirectView("/concerts/" + concertId + "/waiting-room");
        }
        model.addAttribute("concertId", concertId);
        model.addAttribute("ticket", current);
        return FragmentsRendering.fragment("queue/waiting-room :: panel").build();
    }

    @PostMapping("/leave")
    String leave(
            @AuthenticationPrincipal MemberPrincipal me, @PathVariable long concertId, RedirectAttributes redirect) {
        waitingRoom.leave(me.id(), concertId);
        redirect.addFlashAttribute("leftLine", true);
        return "redirect:/concerts/" + concertId + "/waiting-room";
    }

    private static String datesOf(long concertId) {
        return "redirect:/concerts/" + concertId + "/performances";
    }
}
