package app.stagedoor.member;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.web.PageTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@PageTest({SignupController.class, LoginController.class})
class SignupControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Members members;

    @Test
    void the_form_is_open_to_visitors() throws Exception {
        mvc.perform(get("/signup").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Create your account")));
    }

    @Test
    void a_new_account_leads_to_the_login_page() throws Exception {
        mvc.perform(post("/signup")
                        .with(csrf())
                        .param("username", "newfan")
                        .param("password", "stage-door-pass-9")
                        .param("confirmPassword", "stage-door-pass-9"))
                .andExpect(redirectedUrl("/login?registered"));
        verify(members).register("newfan", "stage-door-pass-9");
    }

    @Test
    void signing_up_from_a_concert_leads_back_to_it_after_signing_in() throws Exception {
        mvc.perform(post("/signup")
                        .with(csrf())
                        .param("username", "newfan")
                        .param("password", "stage-door-pass-9")
                        .param("confirmPassword", "stage-door-pass-9")
                        .param("continue", "/concerts/3"))
                .andExpect(redirectedUrl("/login?registered&continue=/concerts/3"));
    }

    @Test
    void a_common_password_the_username_as_password_and_a_mistyped_confirmation_are_refused() throws Exception {
        mvc.perform(post("/signup")
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("username", "newfan")
                        .param("password", "Password123")
                        .param("confirmPassword", "Password123"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("one of the most common ones")));
        mvc.perform(post("/signup")
                        .with(csrf())
                        .header("Accept-Language", "ko")
                        .param("username", "newfan2026")
                        .param("password", "NewFan2026")
                        .param("confirmPassword", "NewFan2026"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("아이디와 같은 비밀번호는 쓸 수 없습니다.")));
        mvc.perform(post("/signup")
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("username", "newfan")
                        .param("password", "stage-door-pass-9")
                        .param("confirmPassword", "stage-door-pass-8"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The two passwords are not the same.")));
        verify(members, never()).register(anyString(), anyString());
    }

    @Test
    void a_malformed_username_and_a_short_password_are_explained() throws Exception {
        mvc.perform(post("/signup")
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("username", "no spaces!")
                        .param("password", "short"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(
                        content().string(containsString("Use 3 to 30 letters, digits, dots, underscores or dashes.")))
                .andExpect(content()
                        .string(containsString("Use at least 8 characters. A very long password cannot be used.")));
        verify(members, never()).register(anyString(), anyString());
    }

    @Test
    void a_taken_username_is_explained_in_korean_too() throws Exception {
        given(members.register("taken", "stage-door-pass-9")).willThrow(new DomainException(ErrorCode.USERNAME_TAKEN));
        mvc.perform(post("/signup")
                        .with(csrf())
                        .header("Accept-Language", "ko")
                        .param("username", "taken")
                        .param("password", "stage-door-pass-9")
                        .param("confirmPassword", "stage-door-pass-9"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("이미 사용 중인 아이디입니다.")));
    }

    @Test
    void the_login_page_asks_a_throttled_address_to_wait_and_says_nothing_of_the_account() throws Exception {
        mvc.perform(get("/login").param("throttled", "").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Too many wrong passwords from here. Wait a minute")));
        mvc.perform(get("/login").param("error", "").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("That username and password do not match.")));
    }
}
