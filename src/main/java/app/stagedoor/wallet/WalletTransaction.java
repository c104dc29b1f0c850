package app.stagedoor.wallet;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One ledger entry. {@code amount} is signed (a payment is negative), so the sum of a member's
 * entries is their balance; {@code balanceAfter} is the balance right after this change.
 */
@Table("wallet_transactions")
public record WalletTransaction(
        @Id Long id,
        long memberId,
        TransactionType type,
        long amount,
        long balanceAfter,
        String reference,
        Instant createdAt) {

    static WalletTransaction of(
            long memberId, TransactionType type, long amount, long balanceAfter, String reference, Instant now) {
        return new WalletTransaction(null, memberId, type, amount, balanceAfter, reference, now);
    }
}
