package app.stagedoor.concert;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The bodies of the shared copies this instance drew (the home page's pages and the concerts'
 * pages), each under its address and its version (the ETag, which names the content, the language
 * and what changes with the clock): a page is drawn once per version, and every anonymous visitor
 * after that gets the same bytes, as cheaply as a 304. Only what {@link SharedCopies} allows is
 * kept or given, so nothing of one visitor ever is. Runs after Spring Security, which tells who
 * asks.
 *
 * <p>It also keeps what the seat map's refresh draws when that is the same for every fan who
 * shows one version of the map ({@link #findChange}): the seats that moved since then, when none
 * of them is one the fan who asks ticked (whose answer carries their own summary). Every open map
 * asks every few seconds, and each second the maps show only a few versions, so the moved seats
 * of one version are drawn once per language instead of once per fan.
 */
@Component
class RenderedCopies extends OncePerRequestFilter {

    private static final String KEY = RenderedCopies.class.getName() + ".key";

    private record Copy(byte[] body, String contentType, String language) {}

    /** Where the seat map's refresh is asked (the one signed-in answer kept here). */
    private static final PathPattern SEAT_MAP_REFRESH =
            PathPatternParser.defaultInstance.parse(CatalogueController.SEAT_MAP_REFRESH);

    private final Cache<String, Copy> copies = Caffeine.newBuilder()
            .maximumWeight(64L * 1024 * 1024)
            .<String, Copy>weigher((key, copy) -> copy.body().length)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    /**
     * The copy of this version of the page, if one was drawn; otherwise the page about to be drawn
     * is kept under it.
     */
    Optional<ResponseEntity<byte[]>> find(HttpServletRequest request, String version) {
        return kept(request, keyOf(request, version));
    }

    /**
     * What the seat map's refresh draws for the seats that moved from the version {@code since} to
     * {@code version}, in this language, if it was drawn; otherwise what is about to be drawn is
     * kept. Only for an answer that holds nothing of the fan who asks: none of the moved seats is
     * one they ticked, and no new pass rides along.
     */
    Optional<ResponseEntity<byte[]>> findChange(
            HttpServletRequest request, long performanceId, String since, String version, Locale language) {
        return kept(
                request, "seat-map " + performanceId + " " + since + " " + version + " " + language.toLanguageTag());
    }

    private Optional<ResponseEntity<byte[]>> kept(HttpServletRequest request, String key) {
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
        return !"GET".equals(request.getMethod())
                || !(SharedCopies.allowed(request)
                        || SEAT_MAP_REFRESH.matches(PathContainer.parsePath(pathOf(request))));
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

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static String keyOf(HttpServletRequest request, String version) {
        var query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query) + " " + version;
    }
}
