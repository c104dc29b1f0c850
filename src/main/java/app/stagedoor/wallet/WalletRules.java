package app.stagedoor.wallet;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;

/** The rules a balance change must satisfy before the database is asked to make it. */
record WalletRules(long minCharge, long maxCharge, long maxBalance) {

    static WalletRules from(WalletProperties properties) {
        return new WalletRules(properties.minCharge(), properties.maxCharge(), properties.maxBalance());
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
