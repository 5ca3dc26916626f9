package dev.verifytoken.apps.control;

import dev.verifytoken.configuration.control.ServiceNotConfiguredException;
import dev.verifytoken.configuration.control.SettingsCheck;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.policy.control.PolicyConfiguration;
import dev.verifytoken.token.control.SigningKeyRotation;
import dev.verifytoken.token.control.TokenConfiguration;
import dev.verifytoken.token.control.TokenSettingsReader;
import dev.verifytoken.token.control.UnknownAppException;
import dev.verifytoken.token.entity.AppName;
import dev.verifytoken.token.entity.TokenSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Every Authy app this deployment serves: the default one ({@code authy.api.key}, {@code app.id}; see
 * {@link TokenConfiguration}) and those of {@code apps} ({@link AppsReader}), each with its own key, read again
 * like the default key when its file is rewritten. A broken app refuses its own tokens (503 with its problems);
 * the others go on.
 */
@ApplicationScoped
public class AuthyApps implements SettingsCheck {

    private static final Logger LOG = Logger.getLogger(AuthyApps.class.getName());

    @Inject
    TokenConfiguration defaultApp;

    @Inject
    PolicyConfiguration policies;

    /** The extra apps by name: the key in use, or null when the app's settings are wrong. */
    private final Map<AppName, SigningKeyRotation> keys = new LinkedHashMap<>();
    private final Map<AppName, List<ConfigurationProblem>> appProblems = new LinkedHashMap<>();
    private List<ConfigurationProblem> listProblems = List.of();

    /** What {@code /verify/info} and readiness say of one app: never its key. */
    public record Status(AppName name, Optional<Long> appId, List<ConfigurationProblem> problems) {
        public boolean ready() {
            return problems.isEmpty();
        }
    }

    @PostConstruct
    void read() {
        Config config = ConfigProvider.getConfig();
        if (config.getOptionalValue(TokenSettingsReader.APPS, String.class).filter(v -> !v.isBlank()).isEmpty()) {
            return;
        }
        if (defaultApp.defaults().isEmpty()) {
            return; // the token defaults every app starts from are wrong: a problem of their own, which stops all
        }
        boolean voice = voiceAllowed();
        AppsReader.Result result = new AppsReader().read(name -> config.getOptionalValue(name, String.class),
                defaultApp.defaults().get(), voice);
        listProblems = result.problems();
        for (AppsReader.App app : result.apps()) {
            if (app.valid()) {
                String property = TokenSettingsReader.Names.of(app.name()).apiKey();
                keys.put(app.name(), new SigningKeyRotation(app.settings(), property,
                        () -> config.getOptionalValue(property, String.class), System::nanoTime));
                LOG.info(() -> "Authy app " + app.name() + ": " + app.settings());
            } else {
                keys.put(app.name(), null);
                appProblems.put(app.name(), app.problems());
            }
        }
    }

    private boolean voiceAllowed() {
        try {
            return policies.policy().voice();
        } catch (ServiceNotConfiguredException policyWrong) {
            return true; // the policy's own problems stop every token anyway
        }
    }

    /**
     * The app a request names: the default one for {@code null}, else an app of {@code apps}; refuses with 404
     * otherwise (without the default app, {@code null} too).
     */
    public AppName resolve(String requested) {
        if (requested == null) {
            if (!defaultApp.hasDefaultApp()) {
                throw new UnknownAppException();
            }
            return AppName.DEFAULT;
        }
        Optional<AppName> name = AppName.parse(requested).filter(keys::containsKey);
        return name.orElseThrow(UnknownAppException::new);
    }

    /** The app's settings with its key in use now; refuses with 503 and its problems when they are wrong. */
    public TokenSettings settings(AppName app) {
        if (app.isDefault()) {
            return defaultApp.settings();
        }
        if (!keys.containsKey(app)) {
            throw new UnknownAppException();
        }
        SigningKeyRotation key = keys.get(app);
        if (key == null) {
            throw new ServiceNotConfiguredException(appProblems.get(app));
        }
        return key.current();
    }

    /** Every app served, the default one first when there is one. */
    public List<Status> statuses() {
        List<Status> statuses = new ArrayList<>();
        if (defaultApp.hasDefaultApp()) {
            List<ConfigurationProblem> problems = defaultApp.appProblems();
            Optional<Long> appId = problems.isEmpty() ? appId(defaultApp::settings) : Optional.empty();
            statuses.add(new Status(AppName.DEFAULT, appId, problems));
        }
        keys.forEach((name, key) -> statuses.add(new Status(name,
                key == null ? Optional.empty() : Optional.of(key.current().appId()),
                appProblems.getOrDefault(name, List.of()))));
        return statuses;
    }

    private static Optional<Long> appId(Supplier<TokenSettings> settings) {
        try {
            return Optional.of(settings.get().appId());
        } catch (RuntimeException notConfigured) {
            return Optional.empty();
        }
    }

    /** Whether at least one app can issue tokens. */
    public boolean anyReady() {
        return statuses().stream().anyMatch(Status::ready);
    }

    /** The extra apps' problems stop only their own tokens. */
    @Override
    public List<ConfigurationProblem> problems() {
        return List.of();
    }

    @Override
    public List<ConfigurationProblem> appProblems() {
        List<ConfigurationProblem> all = new ArrayList<>(listProblems);
        appProblems.values().forEach(all::addAll);
        return all;
    }
}
