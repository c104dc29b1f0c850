package app.stagedoor.shared;

import java.util.Arrays;
import java.util.Map;
import org.springframework.context.MessageSourceResolvable;

/**
 * A business rule refused a request. Carries a stable {@link ErrorCode}, the arguments of its
 * message and, where an API client needs them, extra properties of the problem. Code that needs
 * those values uses a subclass with typed accessors (such as the concert of {@code NotAdmitted});
 * a page shows the refusal with {@code messages.getMessage(refused, locale)}: it is its own
 * message.
 */
public class DomainException extends RuntimeException implements MessageSourceResolvable {

    private final ErrorCode code;
    private final transient Object[] arguments;
    private final transient Map<String, Object> properties;

    public DomainException(ErrorCode code, Object... arguments) {
        this(code, Map.of(), arguments);
    }

    public DomainException(ErrorCode code, Map<String, Object> properties, Object... arguments) {
        super(code.name() + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.code = code;
        this.arguments = arguments.clone();
        this.properties = Map.copyOf(properties);
    }

    public ErrorCode code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** The problem's extra properties, for the API's answer. */
    public Map<String, Object> properties() {
        return properties;
    }

    @Override
    public String[] getCodes() {
        return new String[] {code.messageKey()};
    }

    @Override
    public Object[] getArguments() {
        return arguments();
    }

    @Override
    public String getDefaultMessage() {
        return code.name();
    }

    public static DomainException notFound() {
        return new DomainException(ErrorCode.NOT_FOUND);
    }
}
