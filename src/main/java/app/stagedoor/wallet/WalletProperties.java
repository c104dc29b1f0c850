package app.stagedoor.wallet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the wallet, in whole KRW.
 *
 * @param minCharge smallest top-up
 * @param maxCharge largest single top-up
 * @param maxBalance highest balance a top-up may reach
 */
@ConfigurationProperties(prefix = "stagedoor.wallet", ignoreUnknownFields = false)
record WalletProperties(
        @DefaultValue("1000") long minCharge,
        @DefaultValue("1000000") long maxCharge,
        @DefaultValue("10000000") long maxBalance) {

    WalletProperties {
        if (minCharge <= 0 || maxCharge < minCharge || maxBalance < maxCharge) {
            throw new IllegalArgumentException("stagedoor.wallet: need 0 < min-charge <= max-charge <= max-balance");
        }
    }
}
