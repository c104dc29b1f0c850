package app.stagedoor.shared;

import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The signs that the database is unreachable or overloaded, rather than that a request was wrong:
 * no connection (the pool timed out, the server refused), a link lost mid-statement or at commit, a
 * lock or query that timed out. Whoever meets one answers that the service is busy (pages, the API, a
 * request whose browser session could not be saved) or waits for the next tick (the scheduled
 * jobs); none of them is a bug of ours to report with a stack trace.
 */
public final class DatabaseTrouble {

    private static final List<Class<? extends Throwable>> SIGNS = List.of(
            DataAccessResourceFailureException.class, // CannotGetJdbcConnectionException among them
            CannotCreateTransactionException.class,
            RecoverableDataAccessException.class,
            TransactionSystemException.class,
            PessimisticLockingFailureException.class,
            QueryTimeoutException.class,
            TransientDataAccessResourceException.class);

    private DatabaseTrouble() {}

    /** Whether this failure, or one it was caused by, is a sign of database trouble. */
    public static boolean in(Throwable failure) {
        // a template or a servlet exception may carry the database's failure a few causes down
        for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (var sign : SIGNS) {
                if (sign.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
