package app.stagedoor.member;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A sign-up whose password keeps {@link PasswordPolicy}; the error is the password field's. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AcceptablePassword.Check.class)
@interface AcceptablePassword {

    String message() default "{member.password.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<AcceptablePassword, SignupRequest> {

        @Override
        public boolean isValid(SignupRequest request, ConstraintValidatorContext context) {
            if (request.password() == null) {
                return true; // @NotNull says so
            }
            var problem = PasswordPolicy.problem(request.username(), request.password());
            problem.ifPresent(key -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("{" + key + "}")
                        .addPropertyNode("password")
                        .addConstraintViolation();
            });
            return problem.isEmpty();
        }
    }
}
