package app.stagedoor.queue;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.shared.Refusals;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/concerts/{id}/queue}: join, poll, leave. Send the returned {@code token} back in
 * the {@code Queue-Token} header of each poll and wait {@code pollAfterMillis} between polls.
 */
@RestController
@RequestMapping("/api/v1/concerts/{concertId}/queue")
class QueueApiController {

    static final String TICKET_HEADER = "Queue-Token";

    private final WaitingRoom waitingRoom;

    QueueApiController(WaitingRoom waitingRoom) {
        this.waitingRoom = waitingRoom;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TicketResponse(
            String token,
            QueueStatus status,
            @JsonInclude(JsonInclude.Include.ALWAYS) Long position,
            Long fansAhead,
            Long estimatedWaitSeconds,
            Instant activeUntil,
            Long pollAfterMillis,
            Integer progressPercent,
            Boolean paused,
            ExpireReason expireReason,
            Instant drawAt,
            String drawCode,
            String message) {

        static TicketResponse of(QueueTicket ticket) {
            return new TicketResponse(
                    ticket.token(),
                    ticket.status(),
                    ticket.position(),
                    ticket.fansAhead(),
                    ticket.estimatedWaitSeconds(),
                    ticket.activeUntil(),
                    ticket.pollAfterMillis(),
                    ticket.progressPercent(),
                    ticket.isWaiting() ? ticket.paused() : null,
                    ticket.expireReason(),
                    ticket.drawAt(),
                    ticket.drawCode(),
                    ticket.message());
        }
    }

    @PostMapping
    @Refusals({ErrorCode.NOT_FOUND, ErrorCode.SALES_NOT_OPEN})
    TicketResponse join(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long concertId) {
        return TicketResponse.of(waitingRoom.join(me.id(), concertId));
    }

    @GetMapping
    @Refusals(ErrorCode.NOT_FOUND)
    TicketResponse status(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long concertId,
            @Parameter(
                            description =
                                    "the `token` of your last answer: a poll works without it, but costs the server a database read")
                    @RequestHeader(name = TICKET_HEADER, required = false)
                    String ticket) {
        return TicketResponse.of(waitingRoom.poll(me.id(), concertId, ticket));
    }

    /** Anyone may check the draw: the commitment from the start, the seed and the places once drawn. */
    @GetMapping("/draw")
    @Refusals(ErrorCode.NOT_FOUND)
    ResponseEntity<PublishedDraw> draw(@PathVariable long concertId) {
        var draw = waitingRoom.draw(concertId);
        // once drawn the answer never changes: any cache between the app and the public may keep it
        var caching = draw.drawnAt() == null
                ? CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic()
                : CacheControl.maxAge(Duration.ofDays(1)).cachePublic().immutable();
        return ResponseEntity.ok().cacheControl(caching).body(draw);
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void leave(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long concertId) {
        waitingRoom.leave(me.id(), concertId);
    }
}
