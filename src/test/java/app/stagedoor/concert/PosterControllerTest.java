package app.stagedoor.concert;

import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import app.stagedoor.web.PageTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Posters: served to everyone once published, revalidated by date, kept to organisers before. */
@PageTest(PosterController.class)
class PosterControllerTest {

    static final Instant UPDATED = Instant.parse("2026-11-20T09:00:00Z");
    static final byte[] IMAGE = {(byte) 0x89, 'P', 'N', 'G'};

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PosterStore posters;

    @MockitoBean
    ConcertRepository concerts;

    static Concert concert(long id, boolean published) {
        return new Concert(
                id, "Aurora", "HAEUN", "Hall", "", "Asia/Seoul", UPDATED, 4, published, UPDATED, 0, List.of());
    }

    @BeforeEach
    void aPoster() {
        given(posters.find(7)).willReturn(Optional.of(new PosterStore.Poster("image/png", IMAGE, UPDATED)));
        given(posters.find(8)).willReturn(Optional.of(new PosterStore.Poster("image/png", IMAGE, UPDATED)));
        given(concerts.findById(7)).willReturn(Optional.of(concert(7, true)));
        given(concerts.findById(8)).willReturn(Optional.of(concert(8, false)));
    }

    @Test
    void a_published_poster_is_served_to_anyone_with_its_date_and_a_cache_lifetime() throws Exception {
        mvc.perform(get("/posters/7"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(content().bytes(IMAGE))
                .andExpect(header().string("Cache-Control", Matchers.containsString("max-age=3600")))
                .andExpect(header().dateValue("Last-Modified", UPDATED.toEpochMilli()));
    }

    @Test
    void a_browser_that_has_it_already_is_told_it_has_not_changed() throws Exception {
        mvc.perform(get("/posters/7").header("If-Modified-Since", "Fri, 20 Nov 2026 09:00:00 GMT"))
                .andExpect(status().isNotModified())
                .andExpect(content().bytes(new byte[0]));
    }

    @Test
    void before_publishing_only_organisers_see_it_and_unknown_concerts_have_none() throws Exception {
        mvc.perform(get("/posters/8")).andExpect(status().isNotFound());
        mvc.perform(get("/posters/8").with(user(new MemberPrincipal(5, "fan", Role.FAN))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/posters/8").with(user(new MemberPrincipal(1, "admin", Role.ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().bytes(IMAGE));
        mvc.perform(get("/posters/99")).andExpect(status().isNotFound());
    }
}
