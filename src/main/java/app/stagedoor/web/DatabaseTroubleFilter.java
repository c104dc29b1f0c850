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
 * The last word when the database is gone: a failure that no handler answered, because it happened
 * outside the controllers. Browser sessions live in the database, and Spring Session saves a new or
 * touched one as the response is committed or after the request, in its filter, where the pages'
 * and the API's exception handlers never see it. So a visitor whose request made a session (an
 * anonymous visit to a page that asks to sign in first) would be told 500 while the database was
 * down. This filter stands just outside Spring Session's: whatever {@link DatabaseTrouble} comes
 * out of it becomes the same calm 503 with {@code Retry-After} the handlers give, as problem+json
 * for the API and the very-busy page for the rest.
 *
 * <p>That page is rendered from its own template, which needs no session, no security and no
 * database: the request here is outside all three. Nothing is sent that the failed request set (its
 * session cookie names a session that was never saved).
 */
@Component
class DatabaseTroubleFilter extends OncePerRequestFilter implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseTroubleFilter.class);

    private final Problems problems;
    private final ITemplateEngine templates;
    private final LocaleResolver locales;

    DatabaseTroubleFilter(Problems problems, ITemplateEngine templates, LocaleResolver localeResolver) {
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
            if (!DatabaseTrouble.in(failure) || response.isCommitted()) {
                throw failure;
            }
            log.warn("Answered BUSY outside the handlers: {}", failure.toString());
            busy(request, response);
        }
    }

    private void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (request.getRequestURI().startsWith("/api/")) {
            problems.write(request, response, ErrorCode.BUSY);
            return;
        }
        var locale = locales.resolveLocale(request);
        response.setStatus(ErrorCode.BUSY.status().value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setLocale(locale);
        templates.process(
                "error/busy",
                new Context(locale, Map.of("status", ErrorCode.BUSY.status().value())),
                response.getWriter());
    }
}
