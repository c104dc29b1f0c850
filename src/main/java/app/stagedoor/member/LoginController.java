package app.stagedoor.member;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page; Spring Security's form login handles the post. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(name = "continue", required = false) String continueTo,
            HttpSession session,
            Model model) {
        carry(continueTo, model);
        if (error != null) {
            var failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute(
                    "loginError", failure instanceof LockedException ? "error.ACCOUNT_LOCKED" : "login.failed");
        }
        return "member/login";
    }

    /**
     * Carries the page to return to after signing in through the sign-in and sign-up forms; only
     * a path of this site (the success handler checks it again).
     */
    static void carry(String continueTo, Model model) {
        if (continueTo != null && continueTo.startsWith("/") && !continueTo.startsWith("//")) {
            model.addAttribute("continueTo", continueTo);
        }
    }
}
