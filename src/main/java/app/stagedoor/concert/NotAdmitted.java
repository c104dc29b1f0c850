package app.stagedoor.concert;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.util.Map;

/** A fan without an admission to the concert asked for its dates, seats or a hold. */
public class NotAdmitted extends DomainException {

    private final long concertId;

    public NotAdmitted(long concertId) {
        super(ErrorCode.NOT_ADMITTED, Map.of("concertId", concertId));
        this.concertId = concertId;
    }

    /** The concert whose waiting room the fan should go back to. */
    public long concertId() {
        return concertId;
    }
}
