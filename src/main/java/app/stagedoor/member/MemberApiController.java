package app.stagedoor.member;

import app.stagedoor.shared.ErrorCode;
import app.stagedoor.shared.Refusals;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/members}: sign up from a script. */
@RestController
@RequestMapping("/api/v1/members")
class MemberApiController {

    private final Members members;

    MemberApiController(Members members) {
        this.members = members;
    }

    record MemberResponse(long id, String username) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Refusals(ErrorCode.USERNAME_TAKEN)
    ResponseEntity<MemberResponse> signUp(@Valid @RequestBody SignupRequest request) {
        var member = members.register(request.username(), request.password());
        return ResponseEntity.created(URI.create("/api/v1/members/" + member.id()))
                .body(new MemberResponse(member.id(), member.getUsername()));
    }
}
