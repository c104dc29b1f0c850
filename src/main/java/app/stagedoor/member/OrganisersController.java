package app.stagedoor.member;

import app.stagedoor.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/organisers}: an organiser makes another member an organiser. */
@Controller
class OrganisersController {

    private final Members members;

    OrganisersController(Members members) {
        this.members = members;
    }

    @GetMapping("/admin/organisers")
    String page() {
        return "member/organisers";
    }

    @PostMapping("/admin/organisers")
    String promote(@RequestParam(required = false) String username, RedirectAttributes redirect) {
        try {
            members.promoteToAdmin(username);
            redirect.addFlashAttribute("promoted", username);
        } catch (DomainException unknown) {
            redirect.addFlashAttribute("unknown", username);
        }
        return "redirect:/admin/organisers";
    }
}
