package app.stagedoor.concert;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.shared.Refusals;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

    @GetMapping("/concerts")
    List<ConcertResponse> concerts() {
        return catalogue.publishedConcerts().stream().map(ConcertResponse::of).toList();
    }

    @GetMapping("/concerts/{concertId}")
    @Refusals(ErrorCode.NOT_FOUND)
    ConcertResponse concert(@PathVariable long concertId) {
        return ConcertResponse.of(catalogue.publishedConcert(concertId));
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
