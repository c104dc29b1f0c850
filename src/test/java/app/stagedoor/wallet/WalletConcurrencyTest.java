package app.stagedoor.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.IntegrationTest;
import app.stagedoor.Race;
import app.stagedoor.TestData;
import app.stagedoor.member.Members;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;

/** Many threads change one wallet at once against the real database; no won is lost or made up. */
@IntegrationTest
@Tag("database")
class WalletConcurrencyTest {

    static final int THREADS = 50;
    static final int OPERATIONS_PER_THREAD = 20;

    @Autowired
    Members members;

    @Autowired
    Wallets wallets;

    @Autowired
    WalletRepository ledger;

    @Test
    void fifty_threads_of_mixed_top_ups_and_debits_keep_balance_equal_to_ledger() throws Exception {
        long fan = members.register(TestData.username("rush"), "password123").id();
        var expectedBalance = new AtomicLong();
        var refusedDebits = new AtomicInteger();
        Race.onThreads(THREADS, thread -> {
            var random = new Random(thread);
            for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                long amount = 1_000L * (1 + random.nextInt(5));
                if (random.nextBoolean()) {
                    wallets.charge(fan, amount);
                    expectedBalance.addAndGet(amount);
                } else {
                    try {
                        wallets.debit(fan, amount + 1_000, "test");
                        expectedBalance.addAndGet(-(amount + 1_000));
                    } catch (DomainException refused) {
                        assertThat(refused.code()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
                        refusedDebits.incrementAndGet();
                    }
                }
            }
        });

        long balance = wallets.balanceOf(fan);
        assertThat(balance)
                .isEqualTo(expectedBalance.get())
                .isEqualTo(wallets.ledgerSum(fan))
                .isNotNegative();

        // Replaying the ledger in order gives each entry's balance-after: no update was lost between them.
        var entries = ledger.findByMemberId(
                        fan, org.springframework.data.domain.PageRequest.of(0, 2_000, Sort.by("id")))
                .getContent();
        assertThat(entries).hasSize(THREADS * OPERATIONS_PER_THREAD - refusedDebits.get());
        long running = 0;
        for (var entry : entries) {
            running += entry.amount();
            assertThat(entry.balanceAfter()).isEqualTo(running).isNotNegative();
        }
    }
}
