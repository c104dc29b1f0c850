package app.stagedoor.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

/** The failed-login counter locks on the fifth failure on both databases (their SET order differs). */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Tag("database")
class MemberRepositoryTest {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final Instant LOCKED_UNTIL = NOW.plusSeconds(300);

    @Autowired
    MemberRepository members;

    @Test
    void the_fifth_failure_in_a_row_locks_and_a_success_unlocks() {
        var name = new Username("lock-" + (System.nanoTime() % 1_000_000_000));
        members.save(Member.register(name, "{noop}x", Role.FAN, NOW));
        for (int failure = 1; failure <= 4; failure++) {
            members.recordFailedLogin(name.value(), 5, LOCKED_UNTIL);
            assertThat(members.findByUsername(name.value()).orElseThrow().isLockedAt(NOW))
                    .as("locked after %d failures", failure)
                    .isFalse();
        }
        members.recordFailedLogin(name.value(), 5, LOCKED_UNTIL);
        var locked = members.findByUsername(name.value()).orElseThrow();
        assertThat(locked.isLockedAt(NOW)).isTrue();
        assertThat(locked.isLockedAt(LOCKED_UNTIL.plusMillis(1))).isFalse();

        assertThat(members.resetFailedLogins(name.value())).isEqualTo(1);
        assertThat(members.findByUsername(name.value()).orElseThrow().isLockedAt(NOW))
                .isFalse();
        assertThat(members.findByUsername(name.value()).orElseThrow().failedLogins())
                .isZero();
    }

    @Test
    void usernames_are_unique() {
        var name = new Username("uniq-" + (System.nanoTime() % 1_000_000_000));
        members.save(Member.register(name, "{noop}x", Role.FAN, NOW));
        assertThat(members.existsByUsername(name.value())).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> members.save(Member.register(name, "{noop}y", Role.FAN, NOW)))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }
}
