package app.stagedoor.member;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page; Spring Security's form login handles the post. A wrong password and an unknown
 * username read the same; after a few wrong ones from one address, that address is asked to wait.
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String throttled,
            @RequestParam(name = "continue", required = false) String continueTo,
            Model model) {
        carry(continueTo, model);
        if (throttled != null) {
            model.addAttribute("loginError", "login.throttled");
        } else if (error != null) {
            model.addAttribute("loginError", "login.failed");
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
