package dev.verifytoken.developer.control;

import dev.verifytoken.configuration.control.SettingsReader;
import dev.verifytoken.configuration.control.SettingsCheck;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.List;

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

    /** For CDI's proxy. */
    protected DeveloperPageSettings() {
    }

    @Inject
    public DeveloperPageSettings(Config config) {
        this(SettingsReader.of(config));
    }

    DeveloperPageSettings(SettingsReader values) {
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
