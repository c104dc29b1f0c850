package app.stagedoor.shared;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * The application's one {@code DataSource}, over two HikariCP pools: a transaction begins on a
 * connection of the <em>transaction pool</em>, whose connections have auto-commit off for good, and
 * everything else (a statement outside any transaction, Flyway, the rate limiter's buckets,
 * ShedLock, the health check) takes a connection of the <em>statement pool</em>, whose connections
 * auto-commit.
 *
 * <p>Why two: with one pool that auto-commits, beginning a transaction switches its connection to
 * manual commit ({@code SET autocommit=0}) and ending it switches back ({@code SET autocommit=1}),
 * two round trips on every transaction (a fifth of a hold's statements); with one pool that never
 * auto-commits, a statement outside a transaction is rolled back when its connection goes back to
 * the pool, and every such write in the app and its libraries would need a transaction of its own.
 * A connection that is in manual commit already is what Spring's transaction manager looks for
 * ({@code DataSourceTransactionManager} switches only when {@code getAutoCommit()} is true).
 *
 * <p>Which pool a request gets is decided by {@link TransactionManager}: while it begins a
 * transaction it asks for a connection, and that one comes from the transaction pool; the statements
 * of the transaction then run on it (Spring binds it to the thread by this data source), wherever
 * the data source itself sits behind a wrapper.
 */
final class ConnectionPools extends AbstractDataSource implements AutoCloseable {

    private static final ThreadLocal<Boolean> BEGINNING = new ThreadLocal<>();

    private final HikariDataSource statements;
    private final HikariDataSource transactions;

    ConnectionPools(HikariDataSource statements, HikariDataSource transactions) {
        if (!statements.isAutoCommit() || transactions.isAutoCommit()) {
            throw new IllegalArgumentException("the statement pool auto-commits and the transaction pool does not");
        }
        this.statements = statements;
        this.transactions = transactions;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool().getConnection(username, password);
    }

    private HikariDataSource pool() {
        return BEGINNING.get() != null ? transactions : statements;
    }

    /** Both pools, the statement pool first. */
    List<HikariDataSource> pools() {
        return List.of(statements, transactions);
    }

    @Override
    public void close() {
        transactions.close();
        statements.close();
    }

    /**
     * Spring's JDBC transaction manager, except that the connection each transaction begins with
     * comes from the transaction pool, so it is in manual commit already and stays so.
     */
    static final class TransactionManager extends JdbcTransactionManager {

        TransactionManager(javax.sql.DataSource pools) {
            super(pools);
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            BEGINNING.set(Boolean.TRUE);
            try {
                super.doBegin(transaction, definition);
            } finally {
                BEGINNING.remove();
            }
        }
    }
}
