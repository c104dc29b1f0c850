package app.stagedoor.web;

import app.stagedoor.shared.DatabaseTrouble;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure of an API call into a problem detail with a stable {@code code}: domain
 * refusals with their own code, field errors as {@code VALIDATION} with the fields named, and
 * anything unexpected as a plain 500 without internals.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Problems problems;
    private final MessageSource messages;

    ApiExceptionHandler(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    record FieldProblem(String field, String message) {}

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException refused) {
        var problem = problems.of(refused.code(), refused.arguments());
        refused.properties().forEach(problem::setProperty);
        return ResponseEntity.status(refused.code().status()).body(problem);
    }

    /** A service's own argument check (method validation) refused what the request carried. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException invalid) {
        return validation(invalid.getConstraintViolations().stream()
                .map(violation ->
                        new FieldProblem(field(violation.getPropertyPath().toString()), violation.getMessage()))
                .toList());
    }

    // the database is unreachable or overloaded (DatabaseTrouble): the pages answer the same
    private ResponseEntity<ProblemDetail> busy(Exception overload) {
        log.warn("Answered BUSY: {}", overload.toString());
        return ResponseEntity.status(ErrorCode.BUSY.status())
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problems.of(ErrorCode.BUSY));
    }

    /**
     * Spring Security's firewall refused a header as the controller read it (a control character
     * in {@code Idempotency-Key}, say): the request is malformed, not a failure of ours.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException rejected) {
        return ResponseEntity.badRequest().body(problems.of(ErrorCode.MALFORMED_REQUEST));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        var refused = UnreadableBody.codeOf(failure);
        if (refused.isPresent()) {
            return ResponseEntity.status(refused.get().status()).body(problems.of(refused.get()));
        }
        if (DatabaseTrouble.in(failure)) {
            return busy(failure); // also when it is a few causes down
        }
        log.error("Unexpected failure of an API call", failure);
        return ResponseEntity.internalServerError().body(problems.of(ErrorCode.INTERNAL_ERROR));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var fields = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), message(error)))
                .toList();
        return validation(fields);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var fields = new ArrayList<FieldProblem>();
        invalid.getParameterValidationResults().forEach(result -> {
            String name = result instanceof ParameterErrors errors
                    ? errors.getObjectName()
                    : result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> fields.add(new FieldProblem(name, message(error))));
        });
        return validation(fields);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException mismatch, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validation(List.of(new FieldProblem(mismatch.getPropertyName(), invalidValue())));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException missing,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return validation(List.of(new FieldProblem(missing.getParameterName(), invalidValue())));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        if (unreadable.getMostSpecificCause() instanceof JacksonException jackson
                && !jackson.getPath().isEmpty()) {
            String field = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            return validation(List.of(new FieldProblem(field, invalidValue())));
        }
        return ResponseEntity.badRequest().body(problems.of(ErrorCode.MALFORMED_REQUEST));
    }

    /** Every other exception Spring MVC raises itself (405, 406, 415, ...), with its code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception failure, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = problems.of(ErrorCode.forStatus(status.value()));
        problem.setStatus(status.value());
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    /** {@code create.plan.title} → {@code title}: the path below the method's parameter. */
    private static String field(String path) {
        var parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }

    private ResponseEntity<Object> validation(List<FieldProblem> fields) {
        var problem = problems.of(ErrorCode.VALIDATION);
        problem.setProperty("errors", fields);
        problem.setProperty(
                "fields", fields.stream().map(FieldProblem::field).distinct().toList());
        return ResponseEntity.badRequest().body(problem);
    }

    private String message(org.springframework.context.MessageSourceResolvable error) {
        return messages.getMessage(error, LocaleContextHolder.getLocale());
    }

    private String invalidValue() {
        return messages.getMessage("error.invalidValue", null, "invalid value", LocaleContextHolder.getLocale());
    }
}
