package app.stagedoor.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseTroubleTest {

    @Test
    void an_unreachable_database_is_trouble_also_a_few_causes_down() {
        var noConnection = new CannotCreateTransactionException(
                "Could not open JDBC Connection", new SQLTransientConnectionException("timed out"));
        assertThat(DatabaseTrouble.in(noConnection)).isTrue();
        assertThat(DatabaseTrouble.in(new CannotGetJdbcConnectionException("refused")))
                .isTrue();
        // as a template or the servlet container wraps it
        assertThat(DatabaseTrouble.in(
                        new IllegalStateException("rendering failed", new RuntimeException(noConnection))))
                .isTrue();
    }

    @Test
    void a_refused_write_or_a_bug_is_not_trouble() {
        assertThat(DatabaseTrouble.in(new DuplicateKeyException("uk_seat"))).isFalse();
        assertThat(DatabaseTrouble.in(new DataIntegrityViolationException("too long")))
                .isFalse();
        assertThat(DatabaseTrouble.in(new IllegalStateException("a bug"))).isFalse();
    }
}
