package app.stagedoor.concert;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/** {@code /posters/{concertId}}: the poster image, cached by browsers and revalidated by date. */
@Controller
class PosterController {

    private final PosterStore posters;

    PosterController(PosterStore posters) {
        this.posters = posters;
    }

    @GetMapping("/posters/{concertId}")
    ResponseEntity<byte[]> poster(@PathVariable long concertId, WebRequest request) {
        var poster = posters.find(concertId).orElseThrow(app.stagedoor.shared.DomainException::notFound);
        if (request.checkNotModified(poster.updatedAt().toEpochMilli())) {
            return null;
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(poster.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .lastModified(poster.updatedAt())
                .body(poster.image());
    }
}
