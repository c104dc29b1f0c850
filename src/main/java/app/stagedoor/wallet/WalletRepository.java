package app.stagedoor.wallet;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The balance row and its ledger. Balance changes are single conditional updates: the row lock
 * they take serialises concurrent changes of one wallet, and the condition refuses an overdraft or
 * a balance above the ceiling without a read-then-write race.
 */
interface WalletRepository extends Repository<WalletTransaction, Long> {

    @Modifying
    @Query("INSERT INTO wallets (member_id, balance, updated_at) VALUES (:memberId, 0, :now)")
    void open(long memberId, Instant now);

    @Query("SELECT balance FROM wallets WHERE member_id = :memberId")
    Optional<Long> findBalance(long memberId);

    @Modifying
    @Query("""
            UPDATE wallets SET balance = balance + :amount, updated_at = :now
             WHERE member_id = :memberId AND balance <= :ceiling - :amount
            """)
    int add(long memberId, long amount, long ceiling, Instant now);

    @Modifying
    @Query("""
            UPDATE wallets SET balance = balance - :amount, updated_at = :now
             WHERE member_id = :memberId AND balance >= :amount
            """)
    int subtract(long memberId, long amount, Instant now);

    WalletTransaction save(WalletTransaction entry);

    Page<WalletTransaction> findByMemberId(long memberId, Pageable pageable);

    @Query("SELECT COALESCE(SUM(amount), 0) FROM wallet_transactions WHERE member_id = :memberId")
    long sumOfLedger(long memberId);
}
