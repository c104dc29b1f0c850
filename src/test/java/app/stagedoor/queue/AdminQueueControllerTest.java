package app.stagedoor.queue;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
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
    WaitingRoom room;

    @MockitoBean
    Catalogue catalogue;

    @BeforeEach
    void aConcertWithALine() {
        given(catalogue.findConcert(3))
                .willReturn(Optional.of(
                        TestConcerts.view(3, Instant.parse("2026-11-01T00:00:00Z"), true, 1, 3, List.of())));
        given(room.settings(3)).willReturn(SETTINGS);
        given(room.stats(3)).willReturn(new QueueStats(1_234, 50, 900, 12, 300, false));
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
                                containsString("hx-trigger=\"every 3s\""))));
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
        verify(room, never()).updateSettings(anyLong(), any(), anyString());
    }

    @Test
    void valid_settings_are_saved_by_the_organiser_and_the_panel_says_so() throws Exception {
        given(room.updateSettings(3, new QueueSettings(20, 5, 100, 600, 300, 10, true), "boss"))
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
        verify(room).updateSettings(3, new QueueSettings(20, 5, 100, 600, 300, 10, true), "boss");
    }

    @Test
    void fans_are_kept_out() throws Exception {
        mvc.perform(get("/admin/concerts/3/waiting-room").with(user(FAN))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/concerts/3/waiting-room")
                        .with(user(FAN))
                        .with(csrf())
                        .param("admitCount", "20"))
                .andExpect(status().isForbidden());
        verify(room, never()).updateSettings(anyLong(), any(), anyString());
    }
}
