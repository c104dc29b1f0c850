package app.stagedoor.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The address of the page being drawn, as {@code here}: the language links keep it (and its query),
 * and "Sign in" brings the fan back to it.
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentPage {

    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) {
            return failed;
        }
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var query = request.getQueryString();
        if (query == null || !"GET".equals(request.getMethod())) {
            return path;
        }
        var kept = Arrays.stream(query.split("&"))
                .filter(pair -> !pair.isEmpty() && !pair.equals("lang") && !pair.startsWith("lang="))
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? path : path + "?" + kept;
    }
}
