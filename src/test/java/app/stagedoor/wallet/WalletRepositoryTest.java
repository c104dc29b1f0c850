package app.stagedoor.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The conditional balance updates and the ledger queries, on H2 and on MariaDB. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Tag("database")
class WalletRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Autowired
    WalletRepository wallets;

    @Autowired
    JdbcClient jdbc;

    long memberId;

    @BeforeEach
    void aMemberWithAnEmptyWallet() {
        jdbc.sql("INSERT INTO members (username, password_hash, role, created_at) VALUES (?, 'x', 'FAN', ?)")
                .params("repo-" + System.nanoTime(), NOW)
                .update();
        memberId = jdbc.sql("SELECT MAX(id) FROM members").query(Long.class).single();
        wallets.open(memberId, NOW);
    }

    @Test
    void adding_stops_at_the_ceiling_without_changing_the_balance() {
        assertThat(wallets.add(memberId, 9_000, 10_000, NOW)).isEqualTo(1);
        assertThat(wallets.add(memberId, 1_000, 10_000, NOW)).isEqualTo(1);
        assertThat(wallets.add(memberId, 1, 10_000, NOW)).isZero();
        assertThat(wallets.findBalance(memberId)).contains(10_000L);
    }

    @Test
    void subtracting_never_overdraws() {
        wallets.add(memberId, 5_000, Long.MAX_VALUE, NOW);
        assertThat(wallets.subtract(memberId, 5_001, NOW)).isZero();
        assertThat(wallets.subtract(memberId, 5_000, NOW)).isEqualTo(1);
        assertThat(wallets.subtract(memberId, 1, NOW)).isZero();
        assertThat(wallets.findBalance(memberId)).contains(0L);
    }

    @Test
    void no_wallet_means_no_row_changes() {
        assertThat(wallets.add(-1, 1_000, Long.MAX_VALUE, NOW)).isZero();
        assertThat(wallets.findBalance(-1)).isEmpty();
    }

    @Test
    void history_is_paged_newest_first_and_sums_to_the_balance() {
        for (int i = 1; i <= 12; i++) {
            wallets.add(memberId, 1_000, Long.MAX_VALUE, NOW);
            wallets.save(WalletTransaction.of(
                    memberId, TransactionType.CHARGE, 1_000, 1_000L * i, "t" + i, NOW.plusSeconds(i)));
        }
        var first = wallets.findByMemberId(memberId, PageRequest.of(0, 5, Sort.by(Sort.Direction.DESC, "id")));
        assertThat(first.getTotalElements()).isEqualTo(12);
        assertThat(first.getContent())
                .extracting(WalletTransaction::reference)
                .containsExactly("t12", "t11", "t10", "t9", "t8");
        var last = wallets.findByMemberId(memberId, PageRequest.of(2, 5, Sort.by(Sort.Direction.DESC, "id")));
        assertThat(last.getContent()).extracting(WalletTransaction::reference).containsExactly("t2", "t1");
        assertThat(wallets.sumOfLedger(memberId))
                .isEqualTo(12_000)
                .isEqualTo(wallets.findBalance(memberId).orElseThrow());
    }
}
