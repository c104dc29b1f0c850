package app.stagedoor.queue;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.shared.Refusals;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organiser's waiting-room API: settings, counts and the audit log of a concert's line. */
@RestController
@RequestMapping("/api/v1/admin/concerts/{concertId}")
class AdminQueueApiController {

    private final WaitingRoom waitingRoom;
    private final QueueConsole console;

    AdminQueueApiController(WaitingRoom waitingRoom, QueueConsole console) {
        this.waitingRoom = waitingRoom;
        this.console = console;
    }

    /**
     * One change an organiser made to the line.
     *
     * @param field the setting ({@code admitCount}, {@code admitIntervalSeconds}, {@code maxActive},
     *     {@code activeSeconds}, {@code holdSeconds}, {@code preQueueMinutes}, {@code paused}, {@code
     *     message}) or the action ({@code admitNow}, {@code admitEveryone})
     * @param from the old value as text (null: none); for an action, how many were asked for (null:
     *     everyone waiting)
     * @param to the new value as text (null: none); for an action, how many were admitted
     */
    record AuditEntry(Instant at, String by, String field, String from, String to) {}

    record StatsResponse(long waiting, long active, long admittedTotal, long expiredTotal) {}

    @PutMapping("/queue-settings")
    @Refusals(ErrorCode.NOT_FOUND)
    QueueSettings settings(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long concertId,
            @Valid @RequestBody QueueSettings settings) {
        return console.change(concertId, settings, me.getUsername());
    }

    /** Every change organisers made to the line (the latest 500), newest first. */
    @GetMapping("/queue-audit")
    @Refusals(ErrorCode.NOT_FOUND)
    List<AuditEntry> audit(@PathVariable long concertId) {
        return console.audit(concertId, AuditLog.LISTED).stream()
                .map(e -> new AuditEntry(e.at(), e.by(), e.what(), e.from(), e.to()))
                .toList();
    }

    @GetMapping("/queue-stats")
    @Refusals(ErrorCode.NOT_FOUND)
    StatsResponse stats(@PathVariable long concertId) {
        var stats = waitingRoom.stats(concertId);
        return new StatsResponse(stats.waiting(), stats.active(), stats.admittedTotal(), stats.expiredTotal());
    }
}
