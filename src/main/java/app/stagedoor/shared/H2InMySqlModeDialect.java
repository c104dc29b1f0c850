package app.stagedoor.shared;

import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.jdbc.core.dialect.DialectResolver;
import org.springframework.data.jdbc.core.dialect.JdbcMySqlDialect;
import org.springframework.data.relational.core.dialect.Dialect;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * One SQL dialect on every database: the embedded H2 runs in MySQL mode, so Spring Data JDBC
 * writes MySQL for it (backtick quoting, names as written), as for MySQL and MariaDB. Registered
 * in {@code META-INF/spring.factories}, so test slices use it too.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class H2InMySqlModeDialect implements DialectResolver.JdbcDialectProvider {

    @Override
    public Optional<Dialect> getDialect(JdbcOperations operations) {
        String product = operations.execute((ConnectionCallback<String>)
                connection -> connection.getMetaData().getDatabaseProductName());
        return "H2".equalsIgnoreCase(product) ? Optional.of(JdbcMySqlDialect.INSTANCE) : Optional.empty();
    }
}
