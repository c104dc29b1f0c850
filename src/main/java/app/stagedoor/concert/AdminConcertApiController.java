package app.stagedoor.concert;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/concerts}: a concert with its dates and seat map in one call, all or
 * nothing. Unless {@code published} is false it goes on sale at {@code salesOpenAt}.
 */
@RestController
@RequestMapping("/api/v1/admin/concerts")
class AdminConcertApiController {

    private final ConcertOrganiser organiser;

    AdminConcertApiController(ConcertOrganiser organiser) {
        this.organiser = organiser;
    }

    record CreatedResponse(long id, List<Long> performanceIds) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedResponse> create(@Valid @RequestBody ConcertPlan plan) {
        var published = !Boolean.FALSE.equals(plan.published());
        var created = organiser.create(new ConcertPlan(
                plan.title(),
                plan.artist(),
                plan.venue(),
                plan.description(),
                plan.timeZone(),
                plan.salesOpenAt(),
                plan.maxSeatsPerMember(),
                plan.sections(),
                plan.performances(),
                published));
        return ResponseEntity.created(URI.create("/api/v1/concerts/" + created.id()))
                .body(new CreatedResponse(created.id(), created.performanceIds()));
    }
}
