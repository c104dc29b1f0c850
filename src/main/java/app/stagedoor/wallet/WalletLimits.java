package app.stagedoor.wallet;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The wallet's limits, in whole KRW, and the rules a balance change must satisfy before the
 * database is asked to make it. Pages show them as they are.
 *
 * @param minCharge smallest top-up
 * @param maxCharge largest single top-up
 * @param maxBalance highest balance a top-up may reach
 */
@ConfigurationProperties(prefix = "stagedoor.wallet", ignoreUnknownFields = false)
public record WalletLimits(
        @DefaultValue("1000") long minCharge,
        @DefaultValue("1000000") long maxCharge,
        @DefaultValue("10000000") long maxBalance) {

    public WalletLimits {
        if (minCharge <= 0 || maxCharge < minCharge || maxBalance < maxCharge) {
            throw new IllegalArgumentException("stagedoor.wallet: need 0 < min-charge <= max-charge <= max-balance");
        }
    }

    /** A top-up: whole won within the per-charge bounds. */
    void checkCharge(long amount) {
        if (amount < minCharge || amount > maxCharge) {
            throw new DomainException(ErrorCode.INVALID_AMOUNT, minCharge, maxCharge);
        }
    }

    /** A debit or credit made by another module: a positive amount. */
    void checkTransfer(long amount) {
        if (amount <= 0) {
            throw new DomainException(ErrorCode.INVALID_AMOUNT, 1, Long.MAX_VALUE);
        }
    }

    DomainException balanceLimitReached() {
        return new DomainException(ErrorCode.BALANCE_LIMIT, maxBalance);
    }
}
