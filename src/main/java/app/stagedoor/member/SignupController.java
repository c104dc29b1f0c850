package app.stagedoor.member;

import app.stagedoor.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The sign-up page. */
@Controller
class SignupController {

    private final Members members;

    SignupController(Members members) {
        this.members = members;
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("form", new SignupRequest("", ""));
        return "member/signup";
    }

    @PostMapping("/signup")
    String register(
            @Valid @ModelAttribute("form") SignupRequest form, BindingResult result, HttpServletResponse response) {
        if (!result.hasErrors()) {
            try {
                members.register(form.username(), form.password());
                return "redirect:/login?registered";
            } catch (DomainException e) {
                switch (e.code()) {
                    case USERNAME_TAKEN ->
                        result.rejectValue("username", e.code().messageKey());
                    case VALIDATION -> result.rejectValue("password", "member.password.invalid");
                    default -> throw e;
                }
            }
        }
        response.setStatus(422);
        return "member/signup";
    }
}
