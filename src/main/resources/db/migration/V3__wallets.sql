-- The balance row and its ledger. The ledger's signed amounts sum to the balance.
CREATE TABLE wallets (
    member_id  BIGINT      NOT NULL PRIMARY KEY,
    balance    BIGINT      NOT NULL DEFAULT 0,
    updated_at DATETIME(3) NOT NULL,
    CONSTRAINT ck_wallets_balance CHECK (balance >= 0),
    CONSTRAINT fk_wallets_member FOREIGN KEY (member_id) REFERENCES members (id)
);

CREATE TABLE wallet_transactions (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    member_id     BIGINT      NOT NULL,
    type          VARCHAR(10) NOT NULL,
    amount        BIGINT      NOT NULL,
    balance_after BIGINT      NOT NULL,
    reference     VARCHAR(64) NULL,
    created_at    DATETIME(3) NOT NULL,
    CONSTRAINT fk_wallet_transactions_wallet FOREIGN KEY (member_id) REFERENCES wallets (member_id),
    CONSTRAINT ck_wallet_transactions_type CHECK (type IN ('CHARGE', 'PAYMENT', 'REFUND'))
);
CREATE INDEX ix_wallet_transactions_member ON wallet_transactions (member_id, id);
