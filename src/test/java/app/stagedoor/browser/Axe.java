package app.stagedoor.browser;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility check, injected into the page under test (it is never served to
 * fans). {@code bin/test-prerequisites} fetches it from npm into {@code target/}; a missing copy
 * fails the test, it is never skipped.
 */
final class Axe {

    static final String VERSION = "4.10.2";
    private static final Path SCRIPT =
            Path.of(System.getProperty("stagedoor.axe", "target/axe-core-" + VERSION + "/package/axe.min.js"));

    private static String source;

    private Axe() {}

    /** The serious and critical violations on the page as it is now, one line each (rule, help, where). */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(WebDriver driver) {
        var js = (JavascriptExecutor) driver;
        js.executeScript(source());
        var found = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (results) {
                  done(results.violations
                    .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                    .map(function (v) {
                      return v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map(function (n) {
                        return n.target.join(' ');
                      }).join(' | ');
                    }));
                }, function (error) { done(['axe failed: ' + error]); });
                """);
        return (List<String>) found;
    }

    private static synchronized String source() {
        if (source == null) {
            if (!Files.isRegularFile(SCRIPT)) {
                fail(SCRIPT + " is missing: the browser tests need axe-core " + VERSION
                        + " from npm. Run bin/test-prerequisites.");
            }
            try {
                source = Files.readString(SCRIPT);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return source;
    }
}
