/**
 * The prepaid wallet: balance, top-ups, debits and credits, each with its ledger entry written in
 * the same transaction, so the ledger's sum always equals the balance.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Wallet",
        allowedDependencies = {"member", "shared"})
package app.stagedoor.wallet;
