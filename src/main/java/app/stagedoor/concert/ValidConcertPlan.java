package app.stagedoor.concert;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.text.CollationKey;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Objects;

/**
 * The rules of a concert plan that span fields: a known time zone, section names unique, a seat
 * map of a sane size, and no date before the sales open.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidConcertPlan.Validator.class)
@interface ValidConcertPlan {

    String message() default "{concert.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidConcertPlan, ConcertPlan> {

        @Override
        public boolean isValid(ConcertPlan plan, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            try {
                ZoneId.of(plan.timeZone());
            } catch (DateTimeException unknown) {
                valid = violation(context, "{concert.timeZone.invalid}", "timeZone");
            }
            if (plan.sections() != null) {
                var names = new HashSet<CollationKey>();
                boolean duplicate = plan.sections().stream()
                        .filter(Objects::nonNull)
                        .map(SectionSpec::name)
                        .filter(Objects::nonNull)
                        .anyMatch(name -> !names.add(SectionNames.key(name)));
                if (duplicate) {
                    valid = violation(context, "{concert.sections.duplicate}", "sections");
                }
                int seats = plan.sections().stream()
                        .filter(Objects::nonNull)
                        .mapToInt(SectionSpec::seats)
                        .sum();
                if (seats > ConcertPlan.MAX_SEATS_PER_PERFORMANCE) {
                    valid = violation(context, "{concert.sections.tooManySeats}", "sections");
                }
            }
            if (plan.salesOpenAt() != null && !SaneDates.contains(plan.salesOpenAt())) {
                valid = violation(context, "{concert.date.range}", "salesOpenAt");
            }
            var times = new HashSet<Instant>();
            for (int i = 0; i < plan.performances().size(); i++) {
                var performance = plan.performances().get(i);
                if (performance == null || performance.startsAt() == null) {
                    continue;
                }
                if (!SaneDates.contains(performance.startsAt())) {
                    valid = violation(context, "{concert.date.range}", "performances[" + i + "].startsAt");
                } else if (!times.add(performance.startsAt())) {
                    valid = violation(context, "{concert.startsAt.duplicate}", "performances[" + i + "].startsAt");
                }
            }
            if (!Boolean.FALSE.equals(plan.published()) && plan.performances().isEmpty()) {
                valid = violation(context, "{concert.performances.required}", "performances");
            }
            for (int i = 0; i < plan.performances().size(); i++) {
                var performance = plan.performances().get(i);
                if (performance != null
                        && performance.startsAt() != null
                        && plan.salesOpenAt() != null
                        && !performance.startsAt().isAfter(plan.salesOpenAt())) {
                    valid = violation(context, "{concert.startsAt.beforeSales}", "performances[" + i + "].startsAt");
                }
            }
            return valid;
        }

        private static boolean violation(ConstraintValidatorContext context, String message, String path) {
            context.buildConstraintViolationWithTemplate(message)
                    .addPropertyNode(path)
                    .addConstraintViolation();
            return false;
        }
    }
}
