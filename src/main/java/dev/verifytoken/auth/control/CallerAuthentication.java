package dev.verifytoken.auth.control;

import dev.verifytoken.auth.entity.CallerAuthSettings;
import dev.verifytoken.configuration.control.ServiceNotConfiguredException;
import dev.verifytoken.configuration.control.SettingsCheck;
import dev.verifytoken.configuration.control.SettingsReader;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.logging.Logger;

/** Caller authentication as configured ({@link CallerAuthReader}), checked when the application starts. */
@ApplicationScoped
public class CallerAuthentication implements SettingsCheck {

    private static final Logger LOG = Logger.getLogger(CallerAuthentication.class.getName());

    private CallerAuthenticator authenticator;
    private CallerAuthSettings settings;
    private List<ConfigurationProblem> problems = List.of();

    /** For CDI's proxy. */
    protected CallerAuthentication() {
    }

    @Inject
    public CallerAuthentication(Config config) {
        CallerAuthReader.Result result = new CallerAuthReader().read(SettingsReader.of(config));
        authenticator = result.authenticator();
        settings = result.settings();
        problems = result.problems();
        if (authenticator != null) {
            LOG.info(() -> "Caller authentication " + (settings.required() ? "required, issuer " + settings.issuer()
                    + ", audiences " + settings.audiences() : "off"));
        }
    }

    /** Who may ask for tokens; refuses with 503 when the settings are wrong. */
    public CallerAuthenticator authenticator() {
        if (authenticator == null) {
            throw new ServiceNotConfiguredException(problems);
        }
        return authenticator;
    }

    @Override
    public List<ConfigurationProblem> problems() {
        return problems;
    }
}
