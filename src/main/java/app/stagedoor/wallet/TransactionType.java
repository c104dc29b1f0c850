package app.stagedoor.wallet;

/** Why a balance changed. */
public enum TransactionType {
    /** A top-up by the fan. */
    CHARGE,
    /** A reservation paid from the wallet. */
    PAYMENT,
    /** Money given back, for example for a refunded reservation. */
    REFUND
}
