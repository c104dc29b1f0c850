package app.stagedoor.shared;

import org.springframework.http.HttpStatus;

/**
 * The stable error codes of the JSON API (the {@code code} member of every problem detail) and of
 * the pages' error messages. The message of a code is {@code error.<CODE>} in the message bundles.
 */
public enum ErrorCode {
    VALIDATION(HttpStatus.BAD_REQUEST),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    ACCOUNT_LOCKED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    USERNAME_TAKEN(HttpStatus.CONFLICT),
    INVALID_AMOUNT(HttpStatus.UNPROCESSABLE_CONTENT),
    BALANCE_LIMIT(HttpStatus.CONFLICT),
    INSUFFICIENT_BALANCE(HttpStatus.CONFLICT),
    SALES_NOT_OPEN(HttpStatus.CONFLICT),
    SALES_CLOSED(HttpStatus.CONFLICT),
    NOT_ADMITTED(HttpStatus.FORBIDDEN),
    SEAT_MAP_LOCKED(HttpStatus.CONFLICT),
    PERFORMANCE_LOCKED(HttpStatus.CONFLICT),
    SEAT_UNAVAILABLE(HttpStatus.CONFLICT),
    TOO_MANY_SEATS(HttpStatus.CONFLICT),
    INVALID_SEATS(HttpStatus.UNPROCESSABLE_CONTENT),
    HOLD_EXPIRED(HttpStatus.CONFLICT),
    INVALID_STATE(HttpStatus.CONFLICT),
    BUSY(HttpStatus.SERVICE_UNAVAILABLE),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
    REFUND_CLOSED(HttpStatus.CONFLICT),
    ALREADY_CHECKED_IN(HttpStatus.CONFLICT),
    TICKET_VOID(HttpStatus.CONFLICT),
    WRONG_PERFORMANCE(HttpStatus.UNPROCESSABLE_CONTENT),
    PERFORMANCE_CANCELLED(HttpStatus.CONFLICT),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return "error." + name();
    }

    /** The code that stands for a bare HTTP status, for errors raised outside the application. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> BUSY;
            default -> status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
        };
    }
}
