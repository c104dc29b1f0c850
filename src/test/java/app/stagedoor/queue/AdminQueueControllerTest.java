package app.stagedoor.queue;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.stagedoor.TestConcerts;
import app.stagedoor.concert.Catalogue;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import app.stagedoor.web.PageTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The organiser's waiting-room panel: live counts, settings that are checked before they are saved. */
@PageTest(AdminQueueController.class)
class AdminQueueControllerTest {

    static final MemberPrincipal ORGANISER = new MemberPrincipal(1, "boss", Role.ADMIN);
    static final MemberPrincipal FAN = new MemberPrincipal(5, "fan", Role.FAN);
    static final QueueSettings SETTINGS = new QueueSettings(50, 10, null, 600, 300, 10, false);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QueueConsole room;

    @MockitoBean
    Catalogue catalogue;

    @BeforeEach
    void aConcertWithALine() {
        given(catalogue.findConcert(3))
                .willReturn(Optional.of(
                        TestConcerts.view(3, Instant.parse("2026-11-01T00:00:00Z"), true, 1, 3, List.of())));
        given(room.figures(3)).willReturn(new QueueConsole.Figures(0, 1_234, 50, 900, 12, 3, 300, 250L, SETTINGS));
        given(room.audit(3, AdminQueueController.AUDIT_SHOWN)).willReturn(List.of());
    }

    @Test
    void the_organiser_sees_the_line_now_and_its_settings() throws Exception {
        mvc.perform(get("/admin/concerts/3/waiting-room").with(user(ORGANISER)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-testid=\"waiting\">1,234<"),
                                containsString("data-testid=\"active\">50<"),
                                containsString("name=\"admitCount\" value=\"50\""),
                                containsString("hx-trigger=\"every 3s, queueChanged from:body\""))));
    }

    @Test
    void settings_out_of_range_are_refused_next_to_their_fields_and_nothing_is_saved() throws Exception {
        mvc.perform(post("/admin/concerts/3/waiting-room")
                        .with(user(ORGANISER))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .header("Accept-Language", "en")
                        .param("admitCount", "0")
                        .param("admitIntervalSeconds", "abc")
                        .param("activeSeconds", "600")
                        .param("holdSeconds", "300"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"queue-panel\""),
                                containsString("class=\"field invalid\""),
                                not(containsString("<html")))));
        verify(room, never()).change(anyLong(), any(), anyString());
    }

    @Test
    void valid_settings_are_saved_by_the_organiser_and_the_panel_says_so() throws Exception {
        given(room.change(3, new QueueSettings(20, 5, 100, 600, 300, 10, true), "boss"))
                .willReturn(new QueueSettings(20, 5, 100, 600, 300, 10, true));
        mvc.perform(post("/admin/concerts/3/waiting-room")
                        .with(user(ORGANISER))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("admitCount", "20")
                        .param("admitIntervalSeconds", "5")
                        .param("maxActive", "100")
                        .param("activeSeconds", "600")
                        .param("holdSeconds", "300")
                        .param("preQueueMinutes", "10")
                        .param("paused", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"settings-saved\"")));
        verify(room).change(3, new QueueSettings(20, 5, 100, 600, 300, 10, true), "boss");
    }

    @Test
    void fans_are_kept_out() throws Exception {
        mvc.perform(get("/admin/concerts/3/waiting-room").with(user(FAN))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/concerts/3/waiting-room")
                        .with(user(FAN))
                        .with(csrf())
                        .param("admitCount", "20"))
                .andExpect(status().isForbidden());
        verify(room, never()).change(anyLong(), any(), anyString());
    }

    @Test
    void the_console_shows_the_whole_line_and_the_time_to_clear_it() throws Exception {
        mvc.perform(get("/admin/concerts/3/waiting-room/stats")
                        .with(user(ORGANISER))
                        .header("HX-Request", "true")
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-testid=\"pre-queue\">0<"),
                                containsString("data-testid=\"waiting\">1,234<"),
                                containsString("data-testid=\"expired\">12<"),
                                containsString("data-testid=\"abandoned\">3<"),
                                containsString("data-testid=\"per-minute\">300<"),
                                containsString("data-testid=\"to-clear\">4 minutes 10 seconds<"),
                                not(containsString("<html")))));
    }

    @Test
    void admit_now_reports_when_the_cap_let_fewer_in() throws Exception {
        given(room.admitNow(3, 50, "boss")).willReturn(new QueuePromoter.ByHand(50, 20, true));
        mvc.perform(post("/admin/concerts/3/waiting-room/admit")
                        .with(user(ORGANISER))
                        .with(csrf())
                        .param("count", "50"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/concerts/3/waiting-room"))
                .andExpect(flash().attribute("admitted", new QueuePromoter.ByHand(50, 20, true)));
        mvc.perform(get("/admin/concerts/3/waiting-room")
                        .with(user(ORGANISER))
                        .flashAttr("admitted", new QueuePromoter.ByHand(50, 20, true))
                        .header("Accept-Language", "en"))
                .andExpect(content()
                        .string(containsString(
                                "Only 20 of 50 fans admitted: the cap on fans admitted at once allowed no more.")));
    }

    @Test
    void admit_now_with_no_number_zero_or_too_many_is_explained_and_admits_nobody() throws Exception {
        for (var count : List.of("", "0", "-3", "abc", "10001")) {
            mvc.perform(post("/admin/concerts/3/waiting-room/admit")
                            .with(user(ORGANISER))
                            .with(csrf())
                            .param("count", count))
                    .andExpect(redirectedUrl("/admin/concerts/3/waiting-room"))
                    .andExpect(flash().attribute("admitError", true));
        }
        mvc.perform(get("/admin/concerts/3/waiting-room")
                        .with(user(ORGANISER))
                        .flashAttr("admitError", true)
                        .header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Admit 1 to 10,000 fans at a time.")));
        verify(room, never()).admitNow(anyLong(), anyInt(), anyString());
    }

    @Test
    void pause_resume_and_admit_everyone_are_one_click_each() throws Exception {
        mvc.perform(post("/admin/concerts/3/waiting-room/pause")
                        .with(user(ORGANISER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/concerts/3/waiting-room"));
        verify(room).pause(3, "boss");
        mvc.perform(post("/admin/concerts/3/waiting-room/resume")
                        .with(user(ORGANISER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/concerts/3/waiting-room"));
        verify(room).resume(3, "boss");
        given(room.admitEveryone(3, "boss")).willReturn(new QueuePromoter.ByHand(null, 7, false));
        mvc.perform(post("/admin/concerts/3/waiting-room/admit-everyone")
                        .with(user(ORGANISER))
                        .with(csrf()))
                .andExpect(flash().attribute("admitted", new QueuePromoter.ByHand(null, 7, false)));
    }

    @Test
    void a_message_too_long_is_refused_and_kept_for_editing() throws Exception {
        mvc.perform(post("/admin/concerts/3/waiting-room/message")
                        .with(user(ORGANISER))
                        .with(csrf())
                        .param("message", "x".repeat(201)))
                .andExpect(flash().attribute("messageError", true));
        verify(room, never()).changeMessage(anyLong(), anyString(), anyString());
        mvc.perform(post("/admin/concerts/3/waiting-room/message")
                        .with(user(ORGANISER))
                        .with(csrf())
                        .param("message", "Sales resume at 8 PM"))
                .andExpect(flash().attribute("notice", "queue.console.messageShown"));
        verify(room).changeMessage(3, "Sales resume at 8 PM", "boss");
    }

    @Test
    void the_audit_log_says_who_changed_what_from_what_to_what() throws Exception {
        given(room.audit(3, AdminQueueController.AUDIT_SHOWN))
                .willReturn(List.of(
                        new AuditLog.Entry(Instant.parse("2026-11-01T11:00:00Z"), "boss", "maxActive", null, "100"),
                        new AuditLog.Entry(Instant.parse("2026-11-01T11:01:00Z"), "boss", "admitNow", "50", "20"),
                        new AuditLog.Entry(Instant.parse("2026-11-01T11:02:00Z"), "boss", "paused", "false", "true")));
        mvc.perform(get("/admin/concerts/3/waiting-room/audit")
                        .with(user(ORGANISER))
                        .header("HX-Request", "true")
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Cap on fans admitted at once"),
                                containsString("no cap → 100"),
                                containsString("asked 50, admitted 20"),
                                containsString("running → paused"))));
    }

    @Test
    void fans_get_no_console_action() throws Exception {
        for (var action : List.of("pause", "resume", "admit", "admit-everyone", "message")) {
            mvc.perform(post("/admin/concerts/3/waiting-room/" + action)
                            .with(user(FAN))
                            .with(csrf())
                            .param("count", "5"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/concerts/3/waiting-room/series").with(user(FAN)))
                .andExpect(status().isForbidden());
        verify(room, never()).pause(anyLong(), anyString());
        verify(room, never()).admitNow(anyLong(), anyInt(), anyString());
    }
}
