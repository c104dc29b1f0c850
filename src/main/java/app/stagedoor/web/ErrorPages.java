package app.stagedoor.web;

import app.stagedoor.shared.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page ({@code /error}) for whatever no controller answered: an unknown
 * address, a 403 from Spring Security, a failure in a filter. Pages get the layout; API addresses
 * get a problem detail.
 */
@Controller
class ErrorPages implements ErrorController {

    private final Problems problems;

    ErrorPages(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        // no status: someone asked for /error itself, an address with nothing behind it
        var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        var code = ErrorCode.forStatus(status);
        var uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && path.startsWith("/api/")) {
            problems.write(request, response, code);
            return null;
        }
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("code", code.name());
        model.addAttribute("messageKey", code.messageKey());
        model.addAttribute("messageArgs", new Object[0]);
        return "error/error";
    }

    static String render(ErrorCode code, Object[] arguments, HttpServletResponse response, Model model) {
        response.setStatus(code.status().value());
        model.addAttribute("status", code.status().value());
        model.addAttribute("code", code.name());
        model.addAttribute("messageKey", code.messageKey());
        model.addAttribute("messageArgs", arguments);
        return "error/error";
    }
}
