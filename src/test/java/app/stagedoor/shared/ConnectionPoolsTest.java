package app.stagedoor.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stagedoor.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two pools behind the one data source: a transaction runs on one connection that is in manual
 * commit from the start (so beginning and ending it switches nothing) and commits or rolls back as a
 * whole; a statement outside any transaction is committed at once, never lost when its connection
 * goes back to the pool. On H2 and on MariaDB.
 */
@IntegrationTest
@Tag("database")
class ConnectionPoolsTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MeterRegistry meters;

    /** Bucket rows that never expire, so the job that drops full buckets leaves them to this test. */
    static final long FAR = Long.MAX_VALUE / 2;

    @AfterEach
    void removeRows() {
        jdbc.sql("DELETE FROM rate_limit_buckets WHERE id LIKE 'pools-%'").update();
    }

    @Test
    void a_statement_outside_any_transaction_is_committed_at_once() throws SQLException {
        var key = "pools-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO rate_limit_buckets (id, expires_at) VALUES (?, " + FAR + ")")
                .param(key)
                .update();

        // its connection went back to the pool; another one sees the row, so it was committed
        assertThat(countOnAnotherConnection(key)).isEqualTo(1);
    }

    @Test
    void a_transaction_runs_in_manual_commit_from_the_start_and_commits_at_its_end() throws SQLException {
        var key = "pools-" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            var connection = DataSourceUtils.getConnection(dataSource);
            try {
                assertThat(connection.getAutoCommit()).isFalse();
                jdbc.sql("INSERT INTO rate_limit_buckets (id, expires_at) VALUES (?, " + FAR + ")")
                        .param(key)
                        .update();
                assertThat(countOnAnotherConnection(key))
                        .as("not committed yet")
                        .isZero();
                assertThat(active(DataSourceConfiguration.TRANSACTION_POOL)).isGreaterThanOrEqualTo(1);
            } catch (SQLException failed) {
                throw new IllegalStateException(failed);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
        assertThat(countOnAnotherConnection(key)).isEqualTo(1);
    }

    @Test
    void a_transaction_that_fails_leaves_nothing_and_the_next_one_starts_clean() throws SQLException {
        var key = "pools-" + UUID.randomUUID();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    jdbc.sql("INSERT INTO rate_limit_buckets (id, expires_at) VALUES (?, " + FAR + ")")
                            .param(key)
                            .update();
                    throw new IllegalStateException("refused");
                }))
                .hasMessage("refused");
        assertThat(countOnAnotherConnection(key)).isZero();

        // many short transactions after it, on whichever pooled connections they get: each commits
        for (int i = 0; i < 50; i++) {
            var next = key + "-" + i;
            transaction.executeWithoutResult(
                    status -> jdbc.sql("INSERT INTO rate_limit_buckets (id, expires_at) VALUES (?, " + FAR + ")")
                            .param(next)
                            .update());
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_limit_buckets WHERE id LIKE ?")
                        .param(key + "-%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(50);
    }

    @Test
    void both_pools_report_their_connections() {
        assertThat(meters.find("hikaricp.connections.max")
                        .tag("pool", DataSourceConfiguration.STATEMENT_POOL)
                        .gauge())
                .isNotNull();
        assertThat(meters.find("hikaricp.connections.max")
                        .tag("pool", DataSourceConfiguration.TRANSACTION_POOL)
                        .gauge())
                .isNotNull();
    }

    private double active(String pool) {
        return meters.get("hikaricp.connections.active")
                .tag("pool", pool)
                .gauge()
                .value();
    }

    /** Counted on a connection of its own, outside whatever transaction the thread is in. */
    private int countOnAnotherConnection(String key) throws SQLException {
        try (Connection other = dataSource.getConnection();
                var query = other.prepareStatement("SELECT COUNT(*) FROM rate_limit_buckets WHERE id = ?")) {
            query.setString(1, key);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
