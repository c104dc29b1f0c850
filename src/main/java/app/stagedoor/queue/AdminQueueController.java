package app.stagedoor.queue;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.DomainException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The waiting-room panel of a concert's admin page: settings and live counts. The concert page
 * loads it with htmx; it also stands as a page of its own.
 */
@Controller
@RequestMapping("/admin/concerts/{concertId}/waiting-room")
class AdminQueueController {

    private final WaitingRoom waitingRoom;
    private final Catalogue catalogue;
    private final SmartValidator validator;

    AdminQueueController(WaitingRoom waitingRoom, Catalogue catalogue, SmartValidator validator) {
        this.waitingRoom = waitingRoom;
        this.catalogue = catalogue;
        this.validator = validator;
    }

    @GetMapping
    String page(@PathVariable long concertId, Model model) {
        populate(concertId, SettingsForm.of(waitingRoom.settings(concertId)), model);
        return "queue/admin";
    }

    @HxRequest
    @GetMapping
    String panel(@PathVariable long concertId, Model model) {
        populate(concertId, SettingsForm.of(waitingRoom.settings(concertId)), model);
        return "queue/admin :: panel";
    }

    @HxRequest
    @GetMapping("/stats")
    String stats(@PathVariable long concertId, Model model) {
        model.addAttribute("concertId", concertId);
        model.addAttribute("stats", waitingRoom.stats(concertId));
        return "queue/admin :: stats";
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
        model.addAttribute("settingsSaved", saved);
        populate(concertId, form, model);
        return "queue/admin :: panel";
    }

    private boolean trySave(MemberPrincipal me, long concertId, SettingsForm form, BindingResult result) {
        catalogue.findConcert(concertId).orElseThrow(DomainException::notFound);
        if (!result.hasErrors()) {
            validator.validate(form.toSettings(), result);
        }
        if (result.hasErrors()) {
            return false;
        }
        waitingRoom.updateSettings(concertId, form.toSettings(), me.getUsername());
        return true;
    }

    private void populate(long concertId, SettingsForm form, Model model) {
        model.addAttribute("concert", catalogue.findConcert(concertId).orElseThrow(DomainException::notFound));
        model.addAttribute("concertId", concertId);
        model.addAttribute("form", form);
        model.addAttribute("stats", waitingRoom.stats(concertId));
    }
}
