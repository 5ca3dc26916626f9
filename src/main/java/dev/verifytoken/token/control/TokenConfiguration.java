package dev.verifytoken.token.control;

import dev.verifytoken.configuration.control.ServiceNotConfiguredException;
import dev.verifytoken.configuration.control.SettingsCheck;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.token.entity.TokenDefaults;
import dev.verifytoken.token.entity.TokenSettings;
import dev.verifytoken.token.entity.Via;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The token settings (key, app id, lifetime, defaults), read from MicroProfile Config and checked when the
 * application starts; the key read again as {@link SigningKeyRotation} says. A service whose token settings
 * are wrong never signs: {@link #settings()} refuses with 503.
 */
@ApplicationScoped
public class TokenConfiguration implements SettingsCheck {

    private static final Logger LOG = Logger.getLogger(TokenConfiguration.class.getName());

    @Inject
    PhoneNumberNormalizer phoneNumbers;

    private List<ConfigurationProblem> problems = List.of();
    private SigningKeyRotation key;
    private TokenDefaults defaults;
    private boolean absent;

    @PostConstruct
    void read() {
        Config config = ConfigProvider.getConfig();
        TokenSettingsReader.Result result = new TokenSettingsReader(phoneNumbers)
                .read(name -> config.getOptionalValue(name, String.class));
        result.warnings().forEach(LOG::warning);
        problems = result.problems();
        defaults = result.defaults();
        absent = result.absent();
        if (result.valid()) {
            key = new SigningKeyRotation(result.settings(), TokenSettingsReader.API_KEY,
                    () -> config.getOptionalValue(TokenSettingsReader.API_KEY, String.class), System::nanoTime);
            LOG.info(() -> "Token settings: " + result.settings());
        } else if (absent) {
            LOG.info("No default app (" + TokenSettingsReader.API_KEY + " is not set): POST /verify/token answers"
                    + " 404; the apps of " + TokenSettingsReader.APPS + " are served.");
        }
    }

    /**
     * The default app's checked settings with the key in use; refuses with 503 when they are wrong, and with 404
     * when this deployment has no default app.
     */
    public TokenSettings settings() {
        if (key == null) {
            throw absent ? new UnknownAppException() : new ServiceNotConfiguredException(problems);
        }
        return key.current();
    }

    /** Whether this deployment has a default app ({@code authy.api.key}), right or wrong. */
    public boolean hasDefaultApp() {
        return !absent;
    }

    /** The token defaults every app starts from; empty when they are wrong (a problem of their own). */
    public Optional<TokenDefaults> defaults() {
        return Optional.ofNullable(defaults);
    }

    /** The configured default {@code via}, when the settings are valid (the policy checks it against voice). */
    public Optional<Via> defaultVia() {
        return key == null ? Optional.empty() : key.current().via();
    }

    /** The problems of the settings every app shares (token defaults, default region). */
    @Override
    public List<ConfigurationProblem> problems() {
        return problems.stream().filter(problem -> !isDefaultAppsOwn(problem)).toList();
    }

    /** The problems of the default app's own key and app id: only its tokens are refused. */
    @Override
    public List<ConfigurationProblem> appProblems() {
        return problems.stream().filter(TokenConfiguration::isDefaultAppsOwn).toList();
    }

    private static boolean isDefaultAppsOwn(ConfigurationProblem problem) {
        return problem.property().equals(TokenSettingsReader.API_KEY)
                || problem.property().equals(TokenSettingsReader.APP_ID);
    }
}
