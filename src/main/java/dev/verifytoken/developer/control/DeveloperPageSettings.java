package dev.verifytoken.developer.control;

import dev.verifytoken.configuration.control.SettingsReader;
import dev.verifytoken.configuration.control.SettingsCheck;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Optional;

/**
 * Whether the developer page and its data are served: {@code developer-page.enabled}, {@code true} (the default)
 * or {@code false}. Any other value is a configuration problem, and the page stays off: a misspelt "off" must
 * not leave it on.
 */
@ApplicationScoped
public class DeveloperPageSettings implements SettingsCheck {

    public static final String ENABLED = "developer-page.enabled";

    private boolean enabled;
    private List<ConfigurationProblem> problems = List.of();

    @PostConstruct
    void read() {
        read(ConfigProvider.getConfig().getOptionalValue(ENABLED, String.class));
    }

    void read(Optional<String> value) {
        SettingsReader values = new SettingsReader(name -> value);
        boolean on = values.bool(ENABLED, true);
        // a value that is neither true nor false is a problem, and leaves the page off
        enabled = on && values.valid();
        problems = values.problems();
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public List<ConfigurationProblem> problems() {
        return problems;
    }
}
