package app.stagedoor.shared;

import java.util.Arrays;
import java.util.Map;

/**
 * A business rule refused a request. Carries a stable {@link ErrorCode}, the arguments of its
 * message and, where a client needs them, extra properties of the problem (such as the seats that
 * were taken).
 */
public class DomainException extends RuntimeException {

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

    public Map<String, Object> properties() {
        return properties;
    }

    public static DomainException notFound() {
        return new DomainException(ErrorCode.NOT_FOUND);
    }
}
