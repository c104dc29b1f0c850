package app.stagedoor.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem codes an API call answers when a business rule refuses it, declared on the
 * controller method. Codes every call can answer (a field that is not valid, no token or the wrong
 * one, an organiser's call by a fan, a busy database) are not repeated here: the OpenAPI document
 * adds them itself.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Refusals {

    ErrorCode[] value();
}
