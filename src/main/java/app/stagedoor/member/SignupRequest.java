package app.stagedoor.member;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new account, from the sign-up page or {@code POST /api/v1/members}. */
record SignupRequest(
        @NotNull(message = "{member.username.invalid}")
        @Pattern(regexp = Username.PATTERN, message = "{member.username.invalid}")
        String username,

        @NotNull(message = "{member.password.invalid}")
        @Size(
                min = Members.MIN_PASSWORD_LENGTH,
                max = Members.MAX_PASSWORD_LENGTH,
                message = "{member.password.invalid}")
        String password) {}
