package app.stagedoor.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Readiness, which a load balancer checks, follows the database: an instance whose pool cannot give
 * a connection is taken out of rotation and comes back by itself; liveness does not follow it, so
 * an outage of the database restarts no instance. The test takes every connection of a small pool
 * to stand for the outage: the check then waits its second for one in vain, as it would for a
 * database that does not answer.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.hikari.maximum-pool-size=3", "spring.datasource.hikari.connection-timeout=1000"
        })
class ReadinessTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    final List<Connection> taken = new ArrayList<>();

    @AfterEach
    void giveBack() throws SQLException {
        for (var connection : taken) {
            connection.close();
        }
        taken.clear();
    }

    @Test
    void readiness_goes_down_with_the_database_and_comes_back_liveness_stays() throws SQLException {
        var api = new ApiClient(port);
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            taken.add(dataSource.getConnection());
        }
        var down = api.get("/actuator/health/readiness", null);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body().get("status").asString()).isEqualTo("DOWN");
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);

        giveBack();
        var up = api.get("/actuator/health/readiness", null);
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.body().get("status").asString()).isEqualTo("UP");
    }
}
