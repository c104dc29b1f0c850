package app.stagedoor.web;

import app.stagedoor.shared.DatabaseTrouble;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Failures of page controllers become an error page in the layout, with a message and no stack
 * trace. Forms handle their own validation; what reaches here is a wrong address, a refused rule
 * or a bug.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    @ExceptionHandler(DomainException.class)
    String refused(DomainException refused, HttpServletResponse response, Model model) {
        return ErrorPages.render(refused.code(), refused.arguments(), response, model);
    }

    /** A word where an id belongs in the address is an address that does not exist. */
    @ExceptionHandler({TypeMismatchException.class, NoResourceFoundException.class})
    String notFound(Exception wrongAddress, HttpServletResponse response, Model model) {
        if (wrongAddress instanceof MethodArgumentTypeMismatchException mismatch
                && !mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return badRequest(wrongAddress, response, model);
        }
        return ErrorPages.render(ErrorCode.NOT_FOUND, new Object[0], response, model);
    }

    /** A form or link sent something no page of ours sends: say so rather than fail. */
    @ExceptionHandler({
        MissingServletRequestParameterException.class,
        MultipartException.class,
        RequestRejectedException.class
    })
    String badRequest(Exception malformed, HttpServletResponse response, Model model) {
        return ErrorPages.render(ErrorCode.MALFORMED_REQUEST, new Object[0], response, model);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    String methodNotAllowed(Exception wrongMethod, HttpServletResponse response, Model model) {
        return ErrorPages.render(ErrorCode.METHOD_NOT_ALLOWED, new Object[0], response, model);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Exception tooLarge, HttpServletResponse response, Model model) {
        return ErrorPages.render(ErrorCode.PAYLOAD_TOO_LARGE, new Object[0], response, model);
    }

    // as the API's: the database is unreachable or overloaded (DatabaseTrouble)
    private String busy(Exception overload, HttpServletResponse response, Model model) {
        log.warn("Answered BUSY: {}", overload.toString());
        response.setHeader("Retry-After", "1");
        return ErrorPages.render(ErrorCode.BUSY, new Object[0], response, model);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception failure, HttpServletResponse response, Model model) throws Exception {
        if (failure instanceof AccessDeniedException || failure instanceof AuthenticationException) {
            throw failure; // Spring Security answers these (login page, 403)
        }
        var refused = UnreadableBody.codeOf(failure);
        if (refused.isPresent()) {
            return ErrorPages.render(refused.get(), new Object[0], response, model);
        }
        if (DatabaseTrouble.in(failure)) {
            return busy(failure, response, model); // also when it is a few causes down
        }
        log.error("Unexpected failure of a page", failure);
        return ErrorPages.render(ErrorCode.INTERNAL_ERROR, new Object[0], response, model);
    }
}
