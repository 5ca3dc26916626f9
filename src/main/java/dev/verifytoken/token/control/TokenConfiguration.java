package dev.verifytoken.token.control;

import dev.verifytoken.configuration.control.ServiceNotConfiguredException;
import dev.verifytoken.configuration.control.SettingsCheck;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
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

    @PostConstruct
    void read() {
        Config config = ConfigProvider.getConfig();
        TokenSettingsReader.Result result = new TokenSettingsReader(phoneNumbers)
                .read(name -> config.getOptionalValue(name, String.class));
        result.warnings().forEach(LOG::warning);
        problems = result.problems();
        if (result.valid()) {
            key = new SigningKeyRotation(result.settings(),
                    () -> config.getOptionalValue(TokenSettingsReader.API_KEY, String.class), System::nanoTime);
            LOG.info(() -> "Token settings: " + result.settings());
        }
    }

    /** The checked settings with the key in use; refuses with 503 when they are wrong. */
    public TokenSettings settings() {
        if (key == null) {
            throw new ServiceNotConfiguredException(problems);
        }
        return key.current();
    }

    /** The configured default {@code via}, when the settings are valid (the policy checks it against voice). */
    public Optional<Via> defaultVia() {
        return key == null ? Optional.empty() : key.current().via();
    }

    @Override
    public List<ConfigurationProblem> problems() {
        return problems;
    }
}
