package app.stagedoor.queue;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRedirectView;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.MessageSource;
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
    private final QueueGate gate;
    private final MessageSource messages;
    private final Clock clock;

    WaitingRoomController(
            WaitingRoom waitingRoom, Catalogue catalogue, QueueGate gate, MessageSource messages, Clock clock) {
        this.waitingRoom = waitingRoom;
        this.catalogue = catalogue;
        this.gate = gate;
        this.messages = messages;
        this.clock = clock;
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
        model.addAttribute("door", gate.door(concert, clock.instant()));
        model.addAttribute("draw", waitingRoom.draw(concertId));
        model.addAttribute("said", said(ticket));
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

    /**
     * The panel's poll, with the page's title (the place, for a fan in another tab) and, when the
     * place or the state changed since the page last said it ({@code said}), the words screen
     * readers announce. Once admitted the browser is sent to the dates.
     */
    @HxRequest
    @GetMapping("/status")
    View status(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long concertId,
            @RequestParam(required = false) String ticket,
            @RequestParam(required = false) String said,
            Locale locale,
            Model model) {
        var current = waitingRoom.poll(me.id(), concertId, ticket);
        if (current.isActive()) {
            return new HtmxRedirectView("/concerts/" + concertId + "/performances?yourTurn");
        }
        if (!current.isWaiting()) {
            return new HtmxRedirectView("/concerts/" + concertId + "/waiting-room");
        }
        var now = said(current);
        model.addAttribute("concertId", concertId);
        model.addAttribute("ticket", current);
        model.addAttribute("said", now);
        var rendering = FragmentsRendering.fragment("queue/waiting-room :: panel");
        if (current.position() != null) {
            rendering = rendering.fragment("queue/waiting-room :: title");
        }
        if (!now.equals(said)) {
            model.addAttribute("oob", true);
            model.addAttribute("announcement", announcement(current, locale));
            rendering = rendering.fragment("queue/waiting-room :: announcer");
        }
        return rendering.build();
    }

    /** What the page last told the fan, in a word: their place, or the state without one. */
    private static String said(QueueTicket ticket) {
        if (ticket.position() != null) {
            return Long.toString(ticket.position());
        }
        return ticket.isInPreQueue()
                ? "pre"
                : ticket.isWaiting() ? "drawing" : ticket.status().name();
    }

    private String announcement(QueueTicket ticket, Locale locale) {
        if (ticket.position() != null) {
            return messages.getMessage("queue.announce.place", new Object[] {ticket.position()}, locale);
        }
        return messages.getMessage(
                ticket.isInPreQueue() ? "queue.announce.preQueue" : "queue.announce.drawing", null, locale);
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
