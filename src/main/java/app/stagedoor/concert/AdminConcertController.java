package app.stagedoor.concert;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organiser's concert pages under {@code /admin/concerts}: the list, and each concert's
 * dashboard (overview, setup with the section editor, a live preview of the seat map and the
 * poster, dates, publishing). The dashboard's waiting room and sales are the queue's and the
 * booking module's pages, under the same navigation.
 */
@Controller
@RequestMapping("/admin")
class AdminConcertController {

    private final Catalogue catalogue;
    private final ConcertOrganiser organiser;
    private final SmartValidator validator;
    private final Clock clock;

    AdminConcertController(Catalogue catalogue, ConcertOrganiser organiser, SmartValidator validator, Clock clock) {
        this.catalogue = catalogue;
        this.organiser = organiser;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * The fields the concert form binds, the section editor's rows by index up to one past the
     * most a seat map may have (so "too many sections" can still be said). Anything else
     * ({@code sections[256].name}, {@code sections[-1].name}, {@code sections[abc].name}) is not
     * bound but refused as a field error ({@link #refuseUnknownFields}), never a 500.
     */
    @InitBinder("form")
    void concertForm(WebDataBinder binder) {
        var allowed = new ArrayList<>(
                List.of("title", "artist", "venue", "description", "timeZone", "salesOpenAt", "maxSeatsPerMember"));
        for (int i = 0; i <= ConcertPlan.MAX_SECTIONS; i++) {
            for (var field : List.of("name", "rows", "seatsPerRow", "price")) {
                allowed.add("sections[" + i + "]." + field);
            }
        }
        binder.setAllowedFields(allowed.toArray(String[]::new));
    }

    private static void refuseUnknownFields(BindingResult result) {
        for (var field : result.getSuppressedFields()) {
            if (field.startsWith("sections")) {
                result.rejectValue("sections", "concert.sections.size");
                return;
            }
        }
    }

    @GetMapping({"", "/"})
    String admin() {
        return "redirect:/admin/concerts";
    }

    @GetMapping("/concerts")
    String list(Model model) {
        model.addAttribute("concerts", catalogue.allConcerts());
        return "concert/admin/list";
    }

    @GetMapping("/concerts/new")
    String newConcert(Model model) {
        var zone = ZoneId.of(ConcertPlan.DEFAULT_TIME_ZONE);
        var nextHour = LocalDateTime.ofInstant(clock.instant(), zone)
                .truncatedTo(ChronoUnit.HOURS)
                .plusHours(1);
        model.addAttribute("form", ConcertForm.blank(zone, nextHour));
        return "concert/admin/edit";
    }

    @PostMapping("/concerts/new")
    String create(
            @ModelAttribute("form") ConcertForm form,
            BindingResult result,
            @RequestParam(required = false) String editor,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        if (editor != null) {
            form.edit(editor);
            return "concert/admin/edit";
        }
        var plan = form.toPlan(List.of(), false);
        validator.validate(plan, result);
        refuseUnknownFields(result);
        if (!result.hasErrors()) {
            var created = organiser.create(plan);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/concerts/" + created.id() + "/setup";
        }
        response.setStatus(422);
        return "concert/admin/edit";
    }

    /** The concert's dashboard: what matters during a sale first, then its dates. */
    @GetMapping("/concerts/{concertId}")
    String overview(@PathVariable long concertId, Model model) {
        var concert = concert(concertId);
        model.addAttribute("concert", concert);
        model.addAttribute("dates", catalogue.datesOf(concertId));
        return "concert/admin/overview";
    }

    @GetMapping("/concerts/{concertId}/setup")
    String edit(@PathVariable long concertId, Model model) {
        var concert = concert(concertId);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ConcertForm.of(concert));
        }
        return editPage(concert, model);
    }

    @GetMapping("/concerts/{concertId}/dates")
    String dates(@PathVariable long concertId, Model model) {
        var concert = concert(concertId);
        model.addAttribute("concert", concert);
        model.addAttribute("dates", catalogue.datesOf(concertId));
        return "concert/admin/dates";
    }

    @PostMapping("/concerts/{concertId}")
    String update(
            @PathVariable long concertId,
            @ModelAttribute("form") ConcertForm form,
            BindingResult result,
            @RequestParam(required = false) String editor,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var concert = concert(concertId);
        if (editor != null) {
            form.edit(editor);
            return editPage(concert, model);
        }
        var plan = form.toPlan(List.of(), false);
        validator.validate(plan, result);
        refuseUnknownFields(result);
        if (!result.hasErrors()) {
            try {
                organiser.update(concertId, plan);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/admin/concerts/" + concertId + "/setup";
            } catch (DomainException refused) {
                reject(result, refused);
            }
        }
        response.setStatus(422);
        return editPage(concert, model);
    }

    /** A live picture of the seat map as the section editor stands. */
    @HxRequest
    @PostMapping("/concerts/seat-map-preview")
    String preview(
            @ModelAttribute("form") ConcertForm form, BindingResult result, HttpServletResponse response, Model model) {
        refuseUnknownFields(result);
        if (result.hasErrors()) {
            response.setStatus(422); // what could be read is drawn; the form's errors show on save
        }
        model.addAttribute("preview", form.drawableSections());
        return "concert/admin/edit :: preview";
    }

    @PostMapping("/concerts/{concertId}/performances")
    String addPerformance(
            @PathVariable long concertId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
            RedirectAttributes redirect) {
        var concert = concert(concertId);
        if (startsAt == null) {
            redirect.addFlashAttribute("dateError", "concert.startsAt.required");
        } else {
            try {
                organiser.addPerformance(
                        concertId, startsAt.atZone(concert.zone()).toInstant());
                redirect.addFlashAttribute("notice", "admin.date.added");
            } catch (DomainException refused) {
                redirect.addFlashAttribute(
                        "dateError", refused.properties().getOrDefault("reason", "concert.startsAt.beforeSales"));
            }
        }
        return "redirect:/admin/concerts/" + concertId + "/dates";
    }

    @PostMapping("/concerts/{concertId}/performances/{performanceId}/delete")
    String removePerformance(
            @PathVariable long concertId, @PathVariable long performanceId, RedirectAttributes redirect) {
        try {
            organiser.removePerformance(concertId, performanceId);
            redirect.addFlashAttribute("notice", "admin.date.removed");
        } catch (DomainException refused) {
            if (refused.code() != ErrorCode.PERFORMANCE_LOCKED) {
                throw refused;
            }
            redirect.addFlashAttribute("dateError", ErrorCode.PERFORMANCE_LOCKED.messageKey());
        }
        return "redirect:/admin/concerts/" + concertId + "/dates";
    }

    @PostMapping("/concerts/{concertId}/poster")
    String poster(
            @PathVariable long concertId,
            @RequestParam(required = false) MultipartFile poster,
            RedirectAttributes redirect)
            throws IOException {
        concert(concertId);
        try {
            organiser.savePoster(concertId, PosterImage.check(poster == null ? null : poster.getBytes()));
            redirect.addFlashAttribute("notice", "admin.poster.saved");
        } catch (PosterImage.InvalidPoster refused) {
            redirect.addFlashAttribute("posterError", refused.reason());
        }
        return "redirect:/admin/concerts/" + concertId + "/setup#poster";
    }

    @PostMapping("/concerts/{concertId}/publish")
    String publish(@PathVariable long concertId, RedirectAttributes redirect) {
        try {
            organiser.publish(concertId);
            redirect.addFlashAttribute("notice", "admin.published");
        } catch (DomainException refused) {
            if (refused.code() != ErrorCode.INVALID_STATE) {
                throw refused;
            }
            redirect.addFlashAttribute("publishError", "admin.publish.needsDate");
        }
        return "redirect:/admin/concerts/" + concertId;
    }

    @PostMapping("/concerts/{concertId}/unpublish")
    String unpublish(@PathVariable long concertId, RedirectAttributes redirect) {
        organiser.unpublish(concertId);
        redirect.addFlashAttribute("notice", "admin.unpublished");
        return "redirect:/admin/concerts/" + concertId;
    }

    private String editPage(ConcertView concert, Model model) {
        model.addAttribute("concert", concert);
        return "concert/admin/edit";
    }

    private ConcertView concert(long concertId) {
        return catalogue.findConcert(concertId).orElseThrow(DomainException::notFound);
    }

    private static void reject(BindingResult result, DomainException refused) {
        switch (refused.code()) {
            case SEAT_MAP_LOCKED ->
                result.rejectValue("sections", refused.code().messageKey());
            case VALIDATION -> result.rejectValue("salesOpenAt", "concert.salesOpenAt.afterDates");
            default -> throw refused;
        }
    }
}
