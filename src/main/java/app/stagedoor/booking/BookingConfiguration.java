package app.stagedoor.booking;

import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Picks the seat guard the settings ask for; the named lock needs MySQL or MariaDB. */
@Configuration(proxyBeanMethods = false)
class BookingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BookingConfiguration.class);

    @Bean
    SeatGuard seatGuard(BookingProperties properties, DataSource dataSource, JdbcTemplate jdbc) throws SQLException {
        SeatGuard guard = switch (properties.guard()) {
            case CONDITIONAL_UPDATE -> new ConditionalUpdateGuard();
            case NAMED_LOCK -> {
                if (!supportsNamedLocks(dataSource)) {
                    throw new IllegalStateException(
                            "stagedoor.booking.guard=named-lock needs MySQL or MariaDB (GET_LOCK); use conditional-update on H2");
                }
                yield new NamedLockGuard(jdbc, properties.lockWait());
            }
        };
        log.info("Seat holds are guarded by: {}", guard.name());
        return guard;
    }

    static boolean supportsNamedLocks(DataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            var product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("mysql") || product.contains("mariadb");
        }
    }
}
