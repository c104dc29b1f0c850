package app.stagedoor.web;

import app.stagedoor.shared.ErrorCode;
import java.util.Optional;
import org.apache.tomcat.util.http.InvalidParameterException;

/**
 * A request body Tomcat refused to read as parameters: a form or an upload past its limits
 * ({@code spring.servlet.multipart}), or one it could not parse. Tomcat says so by throwing from
 * whichever {@code getParameter} asked first, which is often Spring Security's CSRF check, before
 * any controller runs; the refusal carries the status it stands for (413 for a body too large).
 */
final class UnreadableBody {

    private UnreadableBody() {}

    /** The code to answer with, when {@code failure} is (or was caused by) such a refusal. */
    static Optional<ErrorCode> codeOf(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidParameterException refused) {
                return Optional.of(ErrorCode.forStatus(refused.getErrorCode()));
            }
        }
        return Optional.empty();
    }
}
