package app.stagedoor.wallet;

import app.stagedoor.member.MemberRegistered;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API. Every change writes the balance and its ledger entry in one transaction;
 * {@link #debit} and {@link #credit} join the caller's transaction (checkout pays inside its own).
 */
@Service
public class Wallets {

    public static final int MAX_PAGE_SIZE = 100;

    private final WalletRepository repository;
    private final WalletLimits rules;
    private final Clock clock;

    Wallets(WalletRepository repository, WalletLimits rules, Clock clock) {
        this.repository = repository;
        this.rules = rules;
        this.clock = clock;
    }

    /** Every member gets an empty wallet together with their account. */
    @EventListener
    void on(MemberRegistered registered) {
        repository.open(registered.memberId(), clock.instant());
    }

    public long balanceOf(long memberId) {
        return repository.findBalance(memberId).orElseThrow(DomainException::notFound);
    }

    /**
     * A top-up by the fan.
     *
     * @return the new balance
     * @throws DomainException {@code INVALID_AMOUNT} outside the per-charge bounds, {@code
     *     BALANCE_LIMIT} when the balance would pass its ceiling
     */
    @Transactional
    public long charge(long memberId, long amount) {
        rules.checkCharge(amount);
        if (repository.add(memberId, amount, rules.maxBalance(), clock.instant()) == 0) {
            throw missingWalletOr(memberId, rules.balanceLimitReached());
        }
        return record(memberId, TransactionType.CHARGE, amount, "top-up");
    }

    /**
     * Takes money for a payment, atomically refusing an overdraft.
     *
     * @return the new balance
     * @throws DomainException {@code INSUFFICIENT_BALANCE} with the balance and the shortfall
     */
    @Transactional
    public long debit(long memberId, long amount, String reference) {
        rules.checkTransfer(amount);
        if (repository.subtract(memberId, amount, clock.instant()) == 0) {
            long balance = balanceOf(memberId);
            throw new DomainException(ErrorCode.INSUFFICIENT_BALANCE, balance, amount - balance);
        }
        return record(memberId, TransactionType.PAYMENT, -amount, reference);
    }

    /** Gives money back (a refund); not bound by the top-up ceiling. */
    @Transactional
    public long credit(long memberId, long amount, String reference) {
        rules.checkTransfer(amount);
        if (repository.add(memberId, amount, Long.MAX_VALUE, clock.instant()) == 0) {
            throw DomainException.notFound();
        }
        return record(memberId, TransactionType.REFUND, amount, reference);
    }

    /** The member's ledger, newest first. */
    public Page<WalletTransaction> history(long memberId, int page, int size) {
        return repository.findByMemberId(
                memberId, PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE), Sort.by(Sort.Direction.DESC, "id")));
    }

    /** The sum of the member's ledger; equal to the balance unless something is badly wrong. */
    public long ledgerSum(long memberId) {
        return repository.sumOfLedger(memberId);
    }

    /** The limits, for forms that show them. */
    public WalletLimits rules() {
        return rules;
    }

    private long record(long memberId, TransactionType type, long signedAmount, String reference) {
        long balance = balanceOf(memberId);
        repository.save(WalletTransaction.of(memberId, type, signedAmount, balance, reference, clock.instant()));
        return balance;
    }

    private DomainException missingWalletOr(long memberId, DomainException otherwise) {
        return repository.findBalance(memberId).isPresent() ? otherwise : DomainException.notFound();
    }
}
