package app.stagedoor.queue;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.DomainException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organiser's live console of a concert's waiting room: the line now (refreshed by htmx), a
 * chart of its last hour (its script reads {@code /series}), pause and resume, admissions by hand,
 * the settings, the message to the line and the audit log of every change.
 */
@Controller
@RequestMapping("/admin/concerts/{concertId}/waiting-room")
class AdminQueueController {

    /** How many of the latest changes the console lists; the API lists more. */
    static final int AUDIT_SHOWN = 50;

    static final int MOST_BY_HAND = 10_000;

    private final QueueConsole console;
    private final Catalogue catalogue;
    private final SmartValidator validator;

    AdminQueueController(QueueConsole console, Catalogue catalogue, SmartValidator validator) {
        this.console = console;
        this.catalogue = catalogue;
        this.validator = validator;
    }

    @GetMapping
    String page(@PathVariable long concertId, Model model) {
        populate(concertId, SettingsForm.of(console.figures(concertId).settings()), model);
        return "queue/admin";
    }

    @HxRequest
    @GetMapping("/stats")
    String stats(@PathVariable long concertId, Model model) {
        model.addAttribute("concertId", concertId);
        model.addAttribute("stats", console.figures(concertId));
        return "queue/admin :: stats";
    }

    /** The line's summary on the concert's overview. */
    @HxRequest
    @GetMapping("/summary")
    String summary(@PathVariable long concertId, Model model) {
        model.addAttribute("concertId", concertId);
        model.addAttribute("stats", console.figures(concertId));
        return "queue/admin :: summary";
    }

    @HxRequest
    @GetMapping("/audit")
    String audit(@PathVariable long concertId, Model model) {
        model.addAttribute("concert", concert(concertId));
        model.addAttribute("audit", console.audit(concertId, AUDIT_SHOWN));
        return "queue/admin :: audit";
    }

    /** The chart's data: the last hour of the line's length and admissions per minute. */
    @GetMapping(value = "/series", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    QueueConsole.Series series(@PathVariable long concertId) {
        return console.series(concertId);
    }

    @PostMapping
    String save(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long concertId,
            @ModelAttribute("form") SettingsForm form,
            BindingResult result,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        boolean saved = trySave(me, concertId, form, result);
        if (saved) {
            redirect.addFlashAttribute("settingsSaved", true);
            return "redirect:/admin/concerts/" + concertId + "/waiting-room";
        }
        response.setStatus(422);
        populate(concertId, form, model);
        return "queue/admin";
    }

    @HxRequest
    @PostMapping
    String saveFromPanel(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long concertId,
            @ModelAttribute("form") SettingsForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model) {
        boolean saved = trySave(me, concertId, form, result);
        response.setStatus(saved ? 200 : 422);
        if (saved) {
            response.setHeader("HX-Trigger", "queueChanged"); // the figures and the audit log refresh
        }
        model.addAttribute("settingsSaved", saved);
        populate(concertId, form, model);
        return "queue/admin :: panel";
    }

    @PostMapping("/pause")
    String pause(
            @AuthenticationPrincipal MemberPrincipal me, @PathVariable long concertId, RedirectAttributes redirect) {
        concert(concertId);
        console.pause(concertId, me.getUsername());
        redirect.addFlashAttribute("notice", "queue.console.pausedNotice");
        return back(concertId);
    }

    @PostMapping("/resume")
    String resume(
            @AuthenticationPrincipal MemberPrincipal me, @PathVariable long concertId, RedirectAttributes redirect) {
        concert(concertId);
        console.resume(concertId, me.getUsername());
        redirect.addFlashAttribute("notice", "queue.console.resumedNotice");
        return back(concertId);
    }

    @PostMapping("/admit")
    String admitNow(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long concertId,
            @RequestParam(required = false) String count,
            RedirectAttributes redirect) {
        concert(concertId);
        Integer n = parseCount(count);
        if (n == null) {
            redirect.addFlashAttribute("admitError", true);
            redirect.addFlashAttribute("admitCount", count);
            return back(concertId);
        }
        admitted(redirect, console.admitNow(concertId, n, me.getUsername()));
        return back(concertId);
    }

    @PostMapping("/admit-everyone")
    String admitEveryone(
            @AuthenticationPrincipal MemberPrincipal me, @PathVariable long concertId, RedirectAttributes redirect) {
        concert(concertId);
        admitted(redirect, console.admitEveryone(concertId, me.getUsername()));
        return back(concertId);
    }

    @PostMapping("/message")
    String message(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long concertId,
            @RequestParam(required = false) String message,
            RedirectAttributes redirect) {
        concert(concertId);
        if (message != null && message.strip().length() > QueueConsole.MESSAGE_LENGTH) {
            redirect.addFlashAttribute("messageError", true);
            redirect.addFlashAttribute("messageDraft", message);
            return back(concertId);
        }
        console.changeMessage(concertId, message, me.getUsername());
        redirect.addFlashAttribute(
                "notice",
                message == null || message.isBlank() ? "queue.console.messageRemoved" : "queue.console.messageShown");
        return back(concertId);
    }

    private static void admitted(RedirectAttributes redirect, QueuePromoter.ByHand done) {
        redirect.addFlashAttribute("admitted", done);
    }

    /** A whole number from 1 to {@link #MOST_BY_HAND}, or null. */
    private static Integer parseCount(String count) {
        try {
            int n = Integer.parseInt(count == null ? "" : count.strip());
            return n >= 1 && n <= MOST_BY_HAND ? n : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String back(long concertId) {
        return "redirect:/admin/concerts/" + concertId + "/waiting-room";
    }

    private boolean trySave(MemberPrincipal me, long concertId, SettingsForm form, BindingResult result) {
        concert(concertId);
        if (!result.hasErrors()) {
            validator.validate(form.toSettings(), result);
        }
        if (result.hasErrors()) {
            return false;
        }
        console.change(concertId, form.toSettings(), me.getUsername());
        return true;
    }

    private void populate(long concertId, SettingsForm form, Model model) {
        var concert = concert(concertId);
        model.addAttribute("concert", concert);
        model.addAttribute("concertId", concertId);
        model.addAttribute("form", form);
        model.addAttribute("stats", console.figures(concertId));
        model.addAttribute("audit", console.audit(concertId, AUDIT_SHOWN));
        var message = console.message(concertId);
        model.addAttribute("message", message);
        if (!model.containsAttribute("messageDraft")) {
            model.addAttribute("messageDraft", message);
        }
        model.addAttribute("mostByHand", MOST_BY_HAND);
        model.addAttribute("messageLength", QueueConsole.MESSAGE_LENGTH);
        model.addAttribute("dashboard", "waiting-room");
    }

    private app.stagedoor.concert.ConcertView concert(long concertId) {
        return catalogue.findConcert(concertId).orElseThrow(DomainException::notFound);
    }
}
