package app.stagedoor.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import app.stagedoor.IntegrationTest;
import app.stagedoor.TestConcerts;
import db.migration.V33__Tickets_for_earlier_purchases;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** A purchase made before e-tickets gets its booking number and tickets on the upgrade. */
@IntegrationTest
@Tag("database")
class TicketsForEarlierPurchasesTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void an_earlier_purchase_gets_a_booking_number_and_a_ticket_per_seat() throws Exception {
        long concert = TestConcerts.onSaleNow(jdbc);
        List<Long> seats = TestConcerts.date(jdbc, concert, 2, 10_000);
        long performance = TestConcerts.performanceOf(jdbc, seats.get(0));
        long fan = TestConcerts.fan(jdbc);
        var now = Timestamp.from(Instant.now());
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO reservations (member_id, concert_id, performance_id, status, amount, created_at, expires_at,"
                                + " confirmed_at) VALUES (?, ?, ?, 'CONFIRM', 20000, ?, ?, ?)")
                .params(fan, concert, performance, now, now, now)
                .update(keys, "id");
        long reservation = keys.getKeyAs(Number.class).longValue();
        for (long seat : seats) {
            jdbc.sql("INSERT INTO reservation_seats (reservation_id, seat_id, live_seat_id, seat_section, seat_row,"
                            + " seat_number, price) VALUES (?, ?, ?, 'Floor', 1, 1, 10000)")
                    .params(reservation, seat, seat)
                    .update();
        }

        try (var connection = dataSource.getConnection()) {
            var context = mock(Context.class);
            given(context.getConnection()).willReturn(connection);
            new V33__Tickets_for_earlier_purchases().migrate(context);
        }

        assertThat(jdbc.sql("SELECT booking_number FROM reservations WHERE id = ?")
                        .param(reservation)
                        .query(String.class)
                        .single())
                .matches("[0-9A-Z]{10}");
        assertThat(jdbc.sql("SELECT code FROM tickets WHERE reservation_id = ? AND status = 'VALID'")
                        .param(reservation)
                        .query(String.class)
                        .list())
                .hasSize(2)
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[0-9A-Z]{12}"));
    }
}
