package app.stagedoor.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "fan.one", "fan_two", "fan-3", "A23456789012345678901234567890"})
    void letters_digits_dots_underscores_and_dashes_of_3_to_30_are_valid(String name) {
        assertThat(Username.isValid(name)).isTrue();
        assertThat(new Username(name).value()).isEqualTo(name.toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "ab", "has space", "émile", "semi;colon", "a234567890123456789012345678901", "<script>"})
    void anything_else_is_refused(String name) {
        assertThat(Username.isValid(name)).isFalse();
        assertThatThrownBy(() -> new Username(name)).isInstanceOf(IllegalArgumentException.class);
    }
}
