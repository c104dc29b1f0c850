package app.stagedoor.concert;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.stagedoor.TestConcerts;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import app.stagedoor.web.PageTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@PageTest(AdminConcertController.class)
class AdminConcertControllerTest {

    static final MemberPrincipal ADMIN = new MemberPrincipal(1, "admin", Role.ADMIN);
    static final MemberPrincipal FAN = new MemberPrincipal(2, "fan", Role.FAN);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Catalogue catalogue;

    @MockitoBean
    ConcertOrganiser organiser;

    @BeforeEach
    void aConcert() {
        var concert = TestConcerts.view(7, Instant.parse("2026-12-01T00:00:00Z"), false, 2, 10, List.of());
        given(catalogue.findConcert(7)).willReturn(Optional.of(concert));
        given(catalogue.datesOf(7)).willReturn(List.of());
    }

    MockHttpServletRequestBuilder newConcert() {
        return newConcert("2026-12-01T20:00");
    }

    MockHttpServletRequestBuilder newConcert(String salesOpenAt) {
        return post("/admin/concerts/new")
                .with(user(ADMIN))
                .with(csrf())
                .header("Accept-Language", "en")
                .param("title", "Show")
                .param("artist", "Artist")
                .param("venue", "Hall")
                .param("timeZone", "Asia/Seoul")
                .param("salesOpenAt", salesOpenAt)
                .param("maxSeatsPerMember", "4");
    }

    @Test
    void a_fan_is_forbidden_from_every_admin_page() throws Exception {
        mvc.perform(get("/admin/concerts").with(user(FAN))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/concerts/7").with(user(FAN))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/concerts/7/publish").with(user(FAN)).with(csrf()))
                .andExpect(status().isForbidden());
        verify(organiser, never()).publish(anyLong());
    }

    @Test
    void an_empty_form_explains_every_missing_field_and_saves_nothing() throws Exception {
        mvc.perform(post("/admin/concerts/new")
                        .with(user(ADMIN))
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("sections[0].name", "")
                        .param("maxSeatsPerMember", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(allOf(
                                containsString("Give the concert a title."),
                                containsString("Name the artist."),
                                containsString("Name the venue."),
                                containsString("Choose when sales open."),
                                containsString("Allow 1 to 20 seats per fan."),
                                containsString("Name the section."),
                                containsString("Use 1 to 50 rows."))));
        verify(organiser, never()).create(any());
    }

    @Test
    void zero_or_huge_rows_negative_prices_and_duplicate_names_are_explained() throws Exception {
        mvc.perform(newConcert()
                        .param("sections[0].name", "VIP")
                        .param("sections[0].rows", "0")
                        .param("sections[0].seatsPerRow", "10")
                        .param("sections[0].price", "-1")
                        .param("sections[1].name", "vip")
                        .param("sections[1].rows", "100000")
                        .param("sections[1].seatsPerRow", "10")
                        .param("sections[1].price", "50000"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(allOf(
                                containsString("Use 1 to 50 rows."),
                                containsString("Use a price from ₩1,000 to ₩10,000,000."),
                                containsString("Each section needs its own name."))));
        verify(organiser, never()).create(any());
    }

    @Test
    void words_where_numbers_and_times_belong_are_explained_not_a_crash() throws Exception {
        mvc.perform(newConcert("tomorrow")
                        .param("sections[0].name", "VIP")
                        .param("sections[0].rows", "many")
                        .param("sections[0].seatsPerRow", "10")
                        .param("sections[0].price", "1e99"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Choose a date and time.")));
    }

    @Test
    void a_valid_concert_is_created_and_opens_for_editing() throws Exception {
        given(organiser.create(any())).willReturn(new ConcertOrganiser.Created(7, List.of()));
        mvc.perform(newConcert()
                        .param("sections[0].name", "VIP")
                        .param("sections[0].rows", "2")
                        .param("sections[0].seatsPerRow", "10")
                        .param("sections[0].price", "100000"))
                .andExpect(redirectedUrl("/admin/concerts/7/setup"));
        verify(organiser).create(any());
    }

    @Test
    void add_section_gives_one_more_row_without_saving() throws Exception {
        mvc.perform(newConcert()
                        .param("editor", "add")
                        .param("sections[0].name", "VIP")
                        .param("sections[0].rows", "2")
                        .param("sections[0].seatsPerRow", "10")
                        .param("sections[0].price", "100000")
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("name=\"sections[1].name\""), containsString("value=\"VIP\""))));
        verify(organiser, never()).create(any());
    }

    @Test
    void the_preview_draws_the_sections_that_are_complete() throws Exception {
        mvc.perform(post("/admin/concerts/seat-map-preview")
                        .with(user(ADMIN))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .header("Accept-Language", "en")
                        .param("sections[0].name", "VIP")
                        .param("sections[0].rows", "2")
                        .param("sections[0].seatsPerRow", "3")
                        .param("sections[0].price", "100000")
                        .param("sections[1].name", "Broken")
                        .param("sections[1].rows", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Preview: 6 seats per date"), containsString("VIP"))));
    }

    @Test
    void a_20_mb_poster_is_refused_with_a_message() throws Exception {
        var huge = new MockMultipartFile("poster", "huge.png", "image/png", new byte[20 * 1024 * 1024]);
        mvc.perform(multipart("/admin/concerts/7/poster")
                        .file(huge)
                        .with(user(ADMIN))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/concerts/7/setup#poster"))
                .andExpect(flash().attribute("posterError", "concert.poster.tooLarge"));
        verify(organiser, never()).savePoster(anyLong(), any());
        mvc.perform(get("/admin/concerts/7/setup")
                        .with(user(ADMIN))
                        .header("Accept-Language", "en")
                        .flashAttr("posterError", "concert.poster.tooLarge"))
                .andExpect(content().string(containsString("The poster may be at most 2 MB.")));
    }

    @Test
    void a_poster_that_is_not_an_image_is_refused_with_a_message() throws Exception {
        var text = new MockMultipartFile("poster", "poster.png", "image/png", "just text".getBytes());
        mvc.perform(multipart("/admin/concerts/7/poster")
                        .file(text)
                        .with(user(ADMIN))
                        .with(csrf()))
                .andExpect(flash().attribute("posterError", "concert.poster.notAnImage"));
        verify(organiser, never()).savePoster(anyLong(), any());
    }

    @Test
    void an_unknown_concert_is_a_404_page() throws Exception {
        mvc.perform(get("/admin/concerts/999").with(user(ADMIN)).header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("We could not find that page.")));
        mvc.perform(get("/admin/concerts/not-a-number").with(user(ADMIN))).andExpect(status().isNotFound());
    }
}
