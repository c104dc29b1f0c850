package app.stagedoor.shared;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The database connections ({@link ConnectionPools}): two HikariCP pools, each configured by {@code
 * spring.datasource.*} and {@code spring.datasource.hikari.*} as Spring Boot's one pool would be (the
 * same address, credentials, size and timeouts), the one for transactions in manual commit, and the
 * transaction manager that begins transactions on it. Their meters are HikariCP's own, {@code
 * hikaricp_connections_*} with a {@code pool} tag naming each.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

    static final String STATEMENT_POOL = "stagedoor-statements";
    static final String TRANSACTION_POOL = "stagedoor-transactions";

    @Bean
    ConnectionPools dataSource(DataSourceProperties properties, Environment environment) {
        var statements = pool(properties, environment, STATEMENT_POOL);
        statements.setAutoCommit(true);
        var transactions = pool(properties, environment, TRANSACTION_POOL);
        transactions.setAutoCommit(false);
        return new ConnectionPools(statements, transactions);
    }

    private static HikariDataSource pool(DataSourceProperties properties, Environment environment, String name) {
        var pool = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
        pool.setPoolName(StringUtils.hasText(properties.getName()) ? properties.getName() + "-" + name : name);
        return pool;
    }

    @Bean
    ConnectionPools.TransactionManager transactionManager(
            DataSource dataSource, ObjectProvider<TransactionManagerCustomizers> customizers) {
        var manager = new ConnectionPools.TransactionManager(dataSource);
        customizers.ifAvailable(all -> all.customize(manager));
        return manager;
    }

    @Bean
    MeterBinder connectionPoolMeters(DataSource dataSource) throws SQLException {
        // unwrapped: whatever wraps the data source bean (a test's counting proxy) leaves the pools
        var pools = dataSource.unwrap(ConnectionPools.class);
        return registry -> pools.pools().forEach(pool -> {
            if (pool.getMetricsTrackerFactory() == null && pool.getMetricRegistry() == null) {
                pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
            }
        });
    }
}
