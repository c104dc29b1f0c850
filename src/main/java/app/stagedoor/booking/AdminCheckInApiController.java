package app.stagedoor.booking;

import app.stagedoor.member.MemberPrincipal;
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
    CheckInResponse checkIn(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long performanceId,
            @Valid @RequestBody CheckInRequest request) {
        var admitted = checkIns.checkIn(performanceId, request.code(), me.id());
        return new CheckInResponse(
                admitted.ticket().seatId(), admitted.ticket().place().label(), admitted.checkedInAt());
    }
}
