package app.stagedoor.concert;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The bodies of the shared copies this instance drew (the home page's pages and the concerts'
 * pages), each under its address and its version (the ETag, which names the content, the language
 * and what changes with the clock): a page is drawn once per version, and every anonymous visitor
 * after that gets the same bytes, as cheaply as a 304. Only what {@link SharedCopies} allows is
 * kept or given, so nothing of one visitor ever is. Runs after Spring Security, which tells who
 * asks.
 */
@Component
class RenderedCopies extends OncePerRequestFilter {

    private static final String KEY = RenderedCopies.class.getName() + ".key";

    private record Copy(byte[] body, String contentType, String language) {}

    private final Cache<String, Copy> copies = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    /**
     * The copy of this version of the page, if one was drawn; otherwise the page about to be drawn
     * is kept under it.
     */
    Optional<ResponseEntity<byte[]>> find(HttpServletRequest request, String version) {
        var key = keyOf(request, version);
        var copy = copies.getIfPresent(key);
        if (copy == null) {
            request.setAttribute(KEY, key);
            return Optional.empty();
        }
        return Optional.of(ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(copy.contentType()))
                .header(HttpHeaders.CONTENT_LANGUAGE, copy.language())
                .body(copy.body()));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !SharedCopies.allowed(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
            if (request.getAttribute(KEY) instanceof String key
                    && wrapper.getStatus() == HttpServletResponse.SC_OK
                    && wrapper.getContentType() != null) {
                var language = wrapper.getHeader(HttpHeaders.CONTENT_LANGUAGE);
                copies.put(
                        key,
                        new Copy(
                                wrapper.getContentAsByteArray(),
                                wrapper.getContentType(),
                                language == null ? wrapper.getLocale().toLanguageTag() : language));
            }
        } finally {
            wrapper.copyBodyToResponse();
        }
    }

    private static String keyOf(HttpServletRequest request, String version) {
        var query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query) + " " + version;
    }
}
