package app.stagedoor.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WalletLimitsTest {

    private final WalletLimits rules = new WalletLimits(1_000, 1_000_000, 10_000_000);

    @ParameterizedTest
    @ValueSource(longs = {1_000, 1_001, 50_000, 1_000_000})
    void a_top_up_within_the_bounds_is_accepted(long amount) {
        assertThatCode(() -> rules.checkCharge(amount)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -5_000, 0, 999, 1_000_001, Long.MAX_VALUE})
    void a_top_up_outside_the_bounds_is_refused_naming_the_limits(long amount) {
        assertThatThrownBy(() -> rules.checkCharge(amount)).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_AMOUNT);
            assertThat(refused.arguments()).containsExactly(1_000L, 1_000_000L);
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void a_debit_or_credit_must_be_positive(long amount) {
        assertThatThrownBy(() -> rules.checkTransfer(amount))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_AMOUNT));
    }

    @Test
    void reaching_the_ceiling_names_it() {
        assertThat(rules.balanceLimitReached().arguments()).containsExactly(10_000_000L);
        assertThat(rules.balanceLimitReached().code()).isEqualTo(ErrorCode.BALANCE_LIMIT);
    }

    @Test
    void limits_that_contradict_each_other_do_not_start() {
        assertThatThrownBy(() -> new WalletLimits(5_000, 1_000, 10_000_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WalletLimits(1_000, 2_000_000, 1_000_000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
