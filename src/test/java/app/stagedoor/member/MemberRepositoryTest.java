package app.stagedoor.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

/** Accounts on both databases. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Tag("database")
class MemberRepositoryTest {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Autowired
    MemberRepository members;

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
