package app.stagedoor.booking;

import static app.stagedoor.shared.ErrorCode.ALREADY_CHECKED_IN;
import static app.stagedoor.shared.ErrorCode.NOT_FOUND;
import static app.stagedoor.shared.ErrorCode.TICKET_VOID;
import static app.stagedoor.shared.ErrorCode.WRONG_PERFORMANCE;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.Refusals;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Check-in at the door over {@code /api/v1/admin}, for scanners and door apps. */
@RestController
class AdminCheckInApiController {

    private final CheckIns checkIns;

    AdminCheckInApiController(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    record CheckInRequest(@NotBlank @Size(max = 40) String code) {}

    record CheckInResponse(long seatId, String label, Instant checkedInAt) {}

    @PostMapping("/api/v1/admin/performances/{performanceId}/check-ins")
    @Refusals({NOT_FOUND, ALREADY_CHECKED_IN, TICKET_VOID, WRONG_PERFORMANCE})
    CheckInResponse checkIn(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long performanceId,
            @Valid @RequestBody CheckInRequest request) {
        var admitted = checkIns.checkIn(performanceId, request.code(), me.id());
        return new CheckInResponse(
                admitted.ticket().seatId(), admitted.ticket().place().label(), admitted.checkedInAt());
    }
}
