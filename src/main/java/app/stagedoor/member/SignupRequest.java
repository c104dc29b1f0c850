package app.stagedoor.member;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A new account, from the sign-up page or {@code POST /api/v1/members}. */
@AcceptablePassword
record SignupRequest(
        @NotNull(message = "{member.username.invalid}")
        @Pattern(regexp = Username.PATTERN, message = "{member.username.invalid}")
        String username,

        @NotNull(message = "{member.password.invalid}") String password) {}
