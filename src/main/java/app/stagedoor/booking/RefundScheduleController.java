package app.stagedoor.booking;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/concerts/{id}/refund-schedule}: the organiser sets the cancellation fees of a concert. */
@Controller
@RequestMapping("/admin/concerts/{concertId}/refund-schedule")
class RefundScheduleController {

    /**
     * The form: a bean with setters rather than a record, so that a mistyped field ({@code abc},
     * {@code 2.5}, {@code 1e3}) is a field error and the rest of the form stays as typed (a record
     * could not be made at all, and the page failed on the missing form).
     */
    public static class ScheduleForm {

        @NotNull(message = "{refund.form.percent}")
        @Min(value = 0, message = "{refund.form.percent}")
        @Max(value = 100, message = "{refund.form.percent}")
        private Integer bookingDayPercent;

        @NotNull(message = "{refund.form.percent}")
        @Min(value = 0, message = "{refund.form.percent}")
        @Max(value = 100, message = "{refund.form.percent}")
        private Integer weekPercent;

        @NotNull(message = "{refund.form.percent}")
        @Min(value = 0, message = "{refund.form.percent}")
        @Max(value = 100, message = "{refund.form.percent}")
        private Integer threeDaysPercent;

        @NotNull(message = "{refund.form.percent}")
        @Min(value = 0, message = "{refund.form.percent}")
        @Max(value = 100, message = "{refund.form.percent}")
        private Integer dayBeforePercent;

        static ScheduleForm of(RefundSchedule schedule) {
            var form = new ScheduleForm();
            form.bookingDayPercent = schedule.bookingDayPercent();
            form.weekPercent = schedule.weekPercent();
            form.threeDaysPercent = schedule.threeDaysPercent();
            form.dayBeforePercent = schedule.dayBeforePercent();
            return form;
        }

        public Integer getBookingDayPercent() {
            return bookingDayPercent;
        }

        public void setBookingDayPercent(Integer bookingDayPercent) {
            this.bookingDayPercent = bookingDayPercent;
        }

        public Integer getWeekPercent() {
            return weekPercent;
        }

        public void setWeekPercent(Integer weekPercent) {
            this.weekPercent = weekPercent;
        }

        public Integer getThreeDaysPercent() {
            return threeDaysPercent;
        }

        public void setThreeDaysPercent(Integer threeDaysPercent) {
            this.threeDaysPercent = threeDaysPercent;
        }

        public Integer getDayBeforePercent() {
            return dayBeforePercent;
        }

        public void setDayBeforePercent(Integer dayBeforePercent) {
            this.dayBeforePercent = dayBeforePercent;
        }
    }

    private final RefundSchedules schedules;
    private final Catalogue catalogue;

    RefundScheduleController(RefundSchedules schedules, Catalogue catalogue) {
        this.schedules = schedules;
        this.catalogue = catalogue;
    }

    @GetMapping
    String page(@PathVariable long concertId, Model model) {
        model.addAttribute("concert", catalogue.findConcert(concertId).orElseThrow(DomainException::notFound));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ScheduleForm.of(schedules.of(concertId)));
        }
        return "booking/refund-schedule";
    }

    @PostMapping
    String save(
            @PathVariable long concertId,
            @Valid @ModelAttribute("form") ScheduleForm form,
            BindingResult result,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var concert = catalogue.findConcert(concertId).orElseThrow(DomainException::notFound);
        if (result.hasErrors()) {
            response.setStatus(422);
            model.addAttribute("concert", concert);
            return "booking/refund-schedule";
        }
        schedules.change(
                concertId,
                form.getBookingDayPercent(),
                form.getWeekPercent(),
                form.getThreeDaysPercent(),
                form.getDayBeforePercent());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/concerts/" + concertId + "/refund-schedule";
    }
}
