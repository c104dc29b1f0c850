package app.stagedoor.queue;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.shared.Refusals;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organiser's waiting-room API: settings and counts of a concert's line. */
@RestController
@RequestMapping("/api/v1/admin/concerts/{concertId}")
class AdminQueueApiController {

    private final WaitingRoom waitingRoom;

    AdminQueueApiController(WaitingRoom waitingRoom) {
        this.waitingRoom = waitingRoom;
    }

    record StatsResponse(long waiting, long active, long admittedTotal, long expiredTotal) {}

    @PutMapping("/queue-settings")
    @Refusals(ErrorCode.NOT_FOUND)
    QueueSettings settings(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long concertId,
            @Valid @RequestBody QueueSettings settings) {
        return waitingRoom.updateSettings(concertId, settings, me.getUsername());
    }

    @GetMapping("/queue-stats")
    @Refusals(ErrorCode.NOT_FOUND)
    StatsResponse stats(@PathVariable long concertId) {
        var stats = waitingRoom.stats(concertId);
        return new StatsResponse(stats.waiting(), stats.active(), stats.admittedTotal(), stats.expiredTotal());
    }
}
