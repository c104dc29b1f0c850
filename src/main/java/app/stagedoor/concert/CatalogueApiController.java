package app.stagedoor.concert;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.shared.Refusals;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/** {@code /api/v1/concerts} and the seats of a date. */
@RestController
@RequestMapping("/api/v1")
class CatalogueApiController {

    private final Catalogue catalogue;
    private final AdmissionGate gate;

    CatalogueApiController(Catalogue catalogue, AdmissionGate gate) {
        this.catalogue = catalogue;
        this.gate = gate;
    }

    record ConcertResponse(
            long id,
            String title,
            String artist,
            String venue,
            Instant salesOpenAt,
            String timeZone,
            int maxSeatsPerMember) {

        static ConcertResponse of(ConcertView concert) {
            return new ConcertResponse(
                    concert.id(),
                    concert.title(),
                    concert.artist(),
                    concert.venue(),
                    concert.salesOpenAt(),
                    concert.zone().getId(),
                    concert.maxSeatsPerMember());
        }
    }

    record DateResponse(long id, Instant startsAt, int availableSeats, int totalSeats) {}

    record SeatResponse(long id, String section, int row, int number, long price, SeatStatus status) {}

    /**
     * A page of the published concerts, opening soonest first: the page's concerts as the body,
     * the way to the others in {@code Link} (first, prev, next, last). Without a bearer token the
     * answer is a shared copy (see {@link SharedCopies}).
     */
    @GetMapping("/concerts")
    @Refusals(ErrorCode.VALIDATION)
    ResponseEntity<List<ConcertResponse>> concerts(
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Catalogue.MAX_PAGE_SIZE) int size,
            ServletWebRequest request) {
        var concerts = catalogue.publishedPage(page, size);
        if (SharedCopies.allowed(request.getRequest()) && SharedCopies.notModified(request, concerts.version())) {
            return null;
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.LINK, links(concerts))
                .body(concerts.concerts().stream().map(ConcertResponse::of).toList());
    }

    @GetMapping("/concerts/{concertId}")
    @Refusals(ErrorCode.NOT_FOUND)
    ResponseEntity<ConcertResponse> concert(@PathVariable long concertId, ServletWebRequest request) {
        var shown = catalogue.publicConcert(concertId);
        if (SharedCopies.allowed(request.getRequest()) && SharedCopies.notModified(request, shown.version())) {
            return null;
        }
        return ResponseEntity.ok(ConcertResponse.of(shown.concert()));
    }

    /** RFC 8288 links (relative, as a shared copy serves any host) to the first, previous, next and last pages. */
    private static String links(CataloguePage page) {
        var links = new ArrayList<String>();
        links.add(link(page, 1, "first"));
        if (page.hasPrevious()) {
            links.add(link(page, Math.min(page.number() - 1, page.pages()), "prev"));
        }
        if (page.hasNext()) {
            links.add(link(page, page.number() + 1, "next"));
        }
        links.add(link(page, page.pages(), "last"));
        return String.join(", ", links);
    }

    private static String link(CataloguePage page, int number, String relation) {
        return "</api/v1/concerts?page=" + number + "&size=" + page.size() + ">; rel=\"" + relation + "\"";
    }

    @GetMapping("/concerts/{concertId}/performances")
    @Refusals({ErrorCode.NOT_FOUND, ErrorCode.NOT_ADMITTED})
    List<DateResponse> dates(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long concertId) {
        catalogue.publishedConcert(concertId);
        gate.requireAdmitted(me.id(), concertId);
        return catalogue.upcomingDatesOf(concertId).stream()
                .map(d -> new DateResponse(d.id(), d.startsAt(), d.availableSeats(), d.totalSeats()))
                .toList();
    }

    @GetMapping("/performances/{performanceId}/seats")
    @Refusals({ErrorCode.NOT_FOUND, ErrorCode.NOT_ADMITTED})
    List<SeatResponse> seats(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long performanceId) {
        var map = catalogue.seatMap(performanceId);
        if (!map.concert().published()) {
            throw app.stagedoor.shared.DomainException.notFound();
        }
        gate.requireAdmitted(me.id(), map.concert().id());
        return map.seats().stream()
                .map(s -> new SeatResponse(s.id(), s.section(), s.row(), s.number(), s.price(), s.status()))
                .toList();
    }
}
