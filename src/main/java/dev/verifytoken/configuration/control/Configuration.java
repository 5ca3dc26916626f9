package dev.verifytoken.configuration.control;

import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.configuration.entity.TokenSettings;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.policy.control.PolicyReader;
import dev.verifytoken.policy.entity.VerificationPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The service's configuration (token settings and verification policy), read from MicroProfile Config
 * and checked once, when the application starts. When a value is missing or wrong the application
 * still deploys, logs each problem, answers token requests with 503 and reports itself not ready: it
 * never signs with a bad configuration.
 */
@ApplicationScoped
public class Configuration {

    private static final Logger LOG = Logger.getLogger(Configuration.class.getName());

    /** A checked configuration: settings and policy when valid, otherwise the problems. */
    private record State(TokenSettings settings, VerificationPolicy policy, List<ConfigurationProblem> problems) {
    }

    @Inject
    PhoneNumberNormalizer phoneNumbers;

    private volatile State state;

    @PostConstruct
    void read() {
        Config config = ConfigProvider.getConfig();
        state = check(name -> config.getOptionalValue(name, String.class), config.getPropertyNames());
    }

    private State check(Function<String, Optional<String>> values, Iterable<String> names) {
        TokenSettingsReader.Result settings = new TokenSettingsReader(phoneNumbers).read(values);
        PolicyReader.Result policy = new PolicyReader(phoneNumbers).read(values, names,
                settings.valid() ? settings.settings().via() : Optional.empty());
        settings.warnings().forEach(LOG::warning);

        List<ConfigurationProblem> problems = new ArrayList<>(settings.problems());
        problems.addAll(policy.problems());
        if (problems.isEmpty()) {
            LOG.info(() -> "Configuration is valid: " + settings.settings() + " " + policy.policy());
            return new State(settings.settings(), policy.policy(), List.of());
        }
        problems.forEach(p -> LOG.severe("Configuration problem: " + p));
        LOG.severe("Token requests are answered with 503 until the configuration is corrected and the application"
                + " restarted.");
        return new State(null, null, List.copyOf(problems));
    }

    /** Reads and checks the configuration as the application starts, not at the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // delivering the event creates this bean, which reads and checks the configuration
    }

    /** The checked settings; a service that is not configured refuses to sign. */
    public TokenSettings settings() {
        return valid().settings();
    }

    /** The verification policy in force. */
    public VerificationPolicy policy() {
        return valid().policy();
    }

    /** What is wrong with the configuration; empty when it is valid. */
    public List<ConfigurationProblem> problems() {
        return state.problems();
    }

    private State valid() {
        State current = state;
        if (!current.problems().isEmpty()) {
            throw new ServiceNotConfiguredException(current.problems());
        }
        return current;
    }
}
