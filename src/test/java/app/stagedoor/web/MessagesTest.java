package app.stagedoor.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.shared.ErrorCode;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every page and error speaks both languages: the bundles have the same keys, and every code has a message. */
class MessagesTest {

    static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (var in = MessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void english_and_korean_have_the_same_keys() throws IOException {
        var english = bundle("messages.properties");
        var korean = bundle("messages_ko.properties");
        assertThat(korean.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void every_error_code_has_a_message_in_both_languages() throws IOException {
        for (var name : new String[] {"messages.properties", "messages_ko.properties"}) {
            var messages = bundle(name);
            assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::messageKey))
                    .allSatisfy(key -> assertThat(messages.getProperty(key))
                            .as(name + " " + key)
                            .isNotBlank());
        }
    }
}
