package app.stagedoor.member;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;

import app.stagedoor.web.PageTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A page is in English or Korean, whatever language a link or a cookie names. */
@PageTest(SignupController.class)
class PageLanguageTest {

    static final String LANGUAGE_COOKIE = "stagedoor-lang";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Members members;

    @Test
    void the_footer_link_picks_a_language_and_a_cookie_remembers_it() throws Exception {
        mvc.perform(get("/signup").param("lang", "ko").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("<html lang=\"ko\"")))
                .andExpect(cookie().value(LANGUAGE_COOKIE, "ko"));
        mvc.perform(get("/signup").cookie(new Cookie(LANGUAGE_COOKIE, "ko")).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("<html lang=\"ko\"")));
    }

    @Test
    void a_regional_name_of_a_language_is_that_language() throws Exception {
        mvc.perform(get("/signup").param("lang", "ko-KR").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("<html lang=\"ko\"")))
                .andExpect(cookie().value(LANGUAGE_COOKIE, "ko"));
    }

    @Test
    void a_language_the_pages_are_not_in_changes_nothing() throws Exception {
        mvc.perform(get("/signup")
                        .param("lang", "fr")
                        .cookie(new Cookie(LANGUAGE_COOKIE, "ko"))
                        .header("Accept-Language", "en"))
                .andExpect(content().string(containsString("<html lang=\"ko\"")))
                .andExpect(cookie().doesNotExist(LANGUAGE_COOKIE));
        mvc.perform(get("/signup").param("lang", "xx-made-up").header("Accept-Language", "ko"))
                .andExpect(content().string(containsString("<html lang=\"ko\"")))
                .andExpect(cookie().doesNotExist(LANGUAGE_COOKIE));
    }

    @Test
    void a_cookie_naming_another_language_leaves_it_to_the_browser() throws Exception {
        mvc.perform(get("/signup")
                        .cookie(new Cookie(LANGUAGE_COOKIE, "fr-FR"))
                        .header("Accept-Language", "ko-KR,ko;q=0.9"))
                .andExpect(content().string(containsString("<html lang=\"ko\"")));
        mvc.perform(get("/signup").cookie(new Cookie(LANGUAGE_COOKIE, "de")).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("<html lang=\"en\"")));
    }
}
