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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The sign-up page. */
@Controller
class SignupController {

    private final Members members;

    SignupController(Members members) {
        this.members = members;
    }

    @GetMapping("/signup")
    String form(@RequestParam(name = "continue", required = false) String continueTo, Model model) {
        LoginController.carry(continueTo, model);
        model.addAttribute("form", new SignupRequest("", ""));
        return "member/signup";
    }

    @PostMapping("/signup")
    String register(
            @Valid @ModelAttribute("form") SignupRequest form,
            BindingResult result,
            @RequestParam(required = false) String confirmPassword,
            @RequestParam(name = "continue", required = false) String continueTo,
            HttpServletResponse response,
            Model model) {
        if (form.password() != null && !form.password().equals(confirmPassword)) {
            result.rejectValue("password", "signup.confirm.mismatch");
        }
        if (!result.hasErrors()) {
            try {
                members.register(form.username(), form.password());
                // the sign-in page checks where it may return to; here it is only carried along
                return continueTo != null && continueTo.startsWith("/")
                        ? "redirect:"
                                + UriComponentsBuilder.fromPath("/login")
                                        .queryParam("registered")
                                        .queryParam("continue", continueTo)
                                        .encode()
                                        .toUriString()
                        : "redirect:/login?registered";
            } catch (DomainException e) {
                switch (e.code()) {
                    case USERNAME_TAKEN ->
                        result.rejectValue("username", e.code().messageKey());
                    case VALIDATION ->
                        result.rejectValue(
                                "password",
                                PasswordPolicy.problem(form.username(), form.password())
                                        .orElse("member.password.invalid"));
                    default -> throw e;
                }
            }
        }
        LoginController.carry(continueTo, model);
        response.setStatus(422);
        return "member/signup";
    }
}
