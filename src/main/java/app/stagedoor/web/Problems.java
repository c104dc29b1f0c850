package app.stagedoor.web;

import app.stagedoor.shared.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the API's problem details (RFC 9457) with a stable {@code code} and a message in the
 * caller's language, and writes them where no controller is involved (security, the error page).
 */
@Component
class Problems {

    private final MessageSource messages;
    private final JsonMapper json;

    Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    ProblemDetail of(ErrorCode code, Object... arguments) {
        return of(code, LocaleContextHolder.getLocale(), arguments);
    }

    ProblemDetail of(ErrorCode code, Locale locale, Object... arguments) {
        var problem = ProblemDetail.forStatusAndDetail(
                code.status(), messages.getMessage(code.messageKey(), arguments, code.name(), locale));
        problem.setTitle(code.status().getReasonPhrase());
        problem.setProperty("code", code.name());
        return problem;
    }

    void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code) throws IOException {
        var problem = of(code, request.getLocale());
        var original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        problem.setInstance(URI.create(original instanceof String uri ? uri : request.getRequestURI()));
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    AuthenticationEntryPoint entryPoint() {
        return (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(request, response, codeOf(failure));
        };
    }

    AuthenticationEntryPoint basicEntryPoint() {
        return (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"stagedoor\"");
            write(request, response, codeOf(failure));
        };
    }

    AccessDeniedHandler accessDeniedHandler() {
        return (request, response, denied) -> write(request, response, ErrorCode.FORBIDDEN);
    }

    private static ErrorCode codeOf(AuthenticationException failure) {
        return failure instanceof LockedException ? ErrorCode.ACCOUNT_LOCKED : ErrorCode.UNAUTHORIZED;
    }
}
