package dev.verifytoken.configuration.control;

import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.configuration.entity.TokenSettings;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The service's configuration, read from MicroProfile Config and checked once, when the application
 * starts. When a value is missing or wrong the application still deploys, logs each problem, answers
 * token requests with 503 and reports itself not ready: it never signs with a bad configuration.
 */
@ApplicationScoped
public class Configuration {

    private static final Logger LOG = Logger.getLogger(Configuration.class.getName());

    @Inject
    PhoneNumberNormalizer phoneNumbers;

    private volatile TokenSettingsReader.Result current;

    @PostConstruct
    void read() {
        Config config = ConfigProvider.getConfig();
        TokenSettingsReader.Result result = new TokenSettingsReader(phoneNumbers)
                .read(name -> config.getOptionalValue(name, String.class));
        result.warnings().forEach(LOG::warning);
        if (result.valid()) {
            LOG.info(() -> "Configuration is valid: " + result.settings());
        } else {
            result.problems().forEach(p -> LOG.severe("Configuration problem: " + p));
            LOG.log(Level.SEVERE, "Token requests are answered with 503 until the configuration is corrected"
                    + " and the application restarted.");
        }
        current = result;
    }

    /** Reads and checks the configuration as the application starts, not at the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // delivering the event creates this bean, which reads and checks the configuration
    }

    /** The checked settings; a service that is not configured refuses to sign. */
    public TokenSettings settings() {
        TokenSettingsReader.Result result = current;
        if (!result.valid()) {
            throw new ServiceNotConfiguredException(result.problems());
        }
        return result.settings();
    }

    public List<ConfigurationProblem> problems() {
        return current.problems();
    }
}
