package app.stagedoor.web;

import app.stagedoor.shared.DatabaseTrouble;
import app.stagedoor.shared.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The last word on a failure that no handler answered, because it happened outside the
 * controllers: the database gone, or a request body Tomcat refused ({@link UnreadableBody}).
 *
 * <p>When the database is gone: Browser sessions live in the database, and Spring Session saves a new or
 * touched one as the response is committed or after the request, in its filter, where the pages'
 * and the API's exception handlers never see it. So a visitor whose request made a session (an
 * anonymous visit to a page that asks to sign in first) would be told 500 while the database was
 * down. This filter stands just outside Spring Session's: whatever {@link DatabaseTrouble} comes
 * out of it becomes the same calm 503 with {@code Retry-After} the handlers give, as problem+json
 * for the API and the very-busy page for the rest. An upload past the request's limit is refused by
 * Tomcat as Spring Security's CSRF check reads the form's token from it: that becomes the 413 and
 * its page (not a 500), the same way.
 *
 * <p>Those pages are rendered from their own template, which needs no session, no security and no
 * database: the request here is outside all three. Nothing is sent that the failed request set (its
 * session cookie names a session that was never saved).
 */
@Component
class OutsideHandlersFilter extends OncePerRequestFilter implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(OutsideHandlersFilter.class);

    private final Problems problems;
    private final ITemplateEngine templates;
    private final LocaleResolver locales;

    OutsideHandlersFilter(Problems problems, ITemplateEngine templates, LocaleResolver localeResolver) {
        this.problems = problems;
        this.templates = templates;
        this.locales = localeResolver;
    }

    @Override
    public int getOrder() {
        return SessionRepositoryFilter.DEFAULT_ORDER - 1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (response.isCommitted()) {
                throw failure;
            }
            var refused = UnreadableBody.codeOf(failure);
            if (refused.isPresent()) {
                answer(request, response, refused.get());
            } else if (DatabaseTrouble.in(failure)) {
                log.warn("Answered BUSY outside the handlers: {}", failure.toString());
                answer(request, response, ErrorCode.BUSY);
            } else {
                throw failure;
            }
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, ErrorCode code) throws IOException {
        response.reset();
        if (code == ErrorCode.BUSY) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (request.getRequestURI().startsWith("/api/")) {
            problems.write(request, response, code);
            return;
        }
        var locale = locales.resolveLocale(request);
        response.setStatus(code.status().value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setLocale(locale);
        templates.process(
                "error/bare",
                new Context(locale, Map.of("status", code.status().value(), "code", code.name())),
                response.getWriter());
    }
}
