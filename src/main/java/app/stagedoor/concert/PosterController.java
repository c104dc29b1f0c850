package app.stagedoor.concert;

import app.stagedoor.member.Role;
import app.stagedoor.shared.DomainException;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code /posters/{concertId}}: the poster image, cached by browsers and revalidated by date. A
 * concert that is not published yet keeps its poster to the organisers.
 */
@Controller
class PosterController {

    private final PosterStore posters;
    private final ConcertRepository concerts;

    PosterController(PosterStore posters, ConcertRepository concerts) {
        this.posters = posters;
        this.concerts = concerts;
    }

    @GetMapping("/posters/{concertId}")
    ResponseEntity<byte[]> poster(@PathVariable long concertId, WebRequest request) {
        var concert = concerts.findById(concertId);
        boolean published = concert.map(Concert::published).orElse(false);
        boolean visible = concert.isPresent() && (published || request.isUserInRole(Role.ADMIN.name()));
        if (!visible) {
            throw DomainException.notFound();
        }
        var poster = posters.find(concertId).orElseThrow(DomainException::notFound);
        if (request.checkNotModified(poster.updatedAt().toEpochMilli())) {
            return null;
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(poster.contentType()))
                .cacheControl(
                        // an unpublished concert's poster is for the organiser: no shared cache keeps it
                        published
                                ? CacheControl.maxAge(Duration.ofHours(1)).cachePublic()
                                : CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .lastModified(poster.updatedAt())
                .body(poster.image());
    }
}
