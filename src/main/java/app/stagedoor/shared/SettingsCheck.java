package app.stagedoor.shared;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.stereotype.Component;

/**
 * Every setting lives under its module's prefix ({@code stagedoor.queue.tick}), bound to that
 * module's properties record, which refuses keys it does not declare. This refuses, at start, a
 * {@code stagedoor.*} key under no module at all (a typo, or a key from an older version), so a
 * setting is never silently ignored. Environment variables and JVM system properties are left to
 * the records: they hold other tools' settings too ({@code STAGEDOOR_TEST_DB} of the test scripts).
 */
@Component
class SettingsCheck {

    static final List<String> MODULES = List.of("member", "wallet", "concert", "queue", "booking", "web", "shared");
    private static final Set<String> OTHER_TOOLS = Set.of(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("stagedoor");

    SettingsCheck(ConfigurableEnvironment environment) {
        var unknown = unknownKeys(environment);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("Unknown settings " + unknown + ": every stagedoor setting starts with"
                    + " stagedoor.<module>. where <module> is one of " + MODULES + " (see README, Settings)");
        }
    }

    static Set<String> unknownKeys(ConfigurableEnvironment environment) {
        var unknown = new TreeSet<String>();
        for (var source : ConfigurationPropertySources.get(environment)) {
            if (source.getUnderlyingSource() instanceof PropertySource<?> origin
                    && OTHER_TOOLS.contains(origin.getName())) {
                continue;
            }
            if (source instanceof IterableConfigurationPropertySource names) {
                names.stream()
                        .filter(ROOT::isAncestorOf)
                        .filter(name -> name.getNumberOfElements() < 2
                                || !MODULES.contains(name.getElement(1, ConfigurationPropertyName.Form.UNIFORM)))
                        .forEach(name -> unknown.add(name.toString()));
            }
        }
        return unknown;
    }
}
