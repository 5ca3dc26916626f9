package dev.verifytoken.apps.control;

import dev.verifytoken.apps.entity.AppName;
import dev.verifytoken.configuration.control.ServiceNotConfiguredException;
import dev.verifytoken.configuration.control.SettingsCheck;
import dev.verifytoken.configuration.control.SettingsReader;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.policy.control.PolicyConfiguration;
import dev.verifytoken.token.entity.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Every Authy app this deployment serves, read and checked when the application starts ({@link AppsReader}): the
 * default one ({@code authy.api.key}, {@code app.id}, {@code POST /verify/token}) and those of {@code apps}
 * ({@code POST /verify/apps/<name>/token}), each with its own key, read again when its file is rewritten
 * ({@link SigningKeyRotation}). A broken app refuses its own tokens (503 with its problems); the others go on. What
 * is wrong with the token defaults every app starts from stops them all.
 */
@ApplicationScoped
public class AuthyApps implements SettingsCheck {

    private static final Logger LOG = Logger.getLogger(AuthyApps.class.getName());

    /** The apps by name, the default first when there is one: the key in use, or null when the app is broken. */
    private final Map<AppName, SigningKeyRotation> keys = new LinkedHashMap<>();
    private final Map<AppName, List<ConfigurationProblem>> problems = new LinkedHashMap<>();
    private List<ConfigurationProblem> shared = List.of();
    private List<ConfigurationProblem> listProblems = List.of();
    private boolean development;

    /** What {@code /verify/info} and readiness say of one app: never its key. */
    public record Status(AppName name, Optional<Long> appId, List<ConfigurationProblem> problems) {
        public boolean ready() {
            return problems.isEmpty();
        }
    }

    /** For CDI's proxy. */
    protected AuthyApps() {
    }

    @Inject
    public AuthyApps(Config config, PhoneNumberNormalizer phoneNumbers, PolicyConfiguration policies) {
        AppsReader.Result result = new AppsReader(phoneNumbers).read(SettingsReader.of(config), voiceAllowed(policies));
        result.warnings().forEach(LOG::warning);
        shared = result.shared();
        listProblems = result.appProblems();
        development = result.development();
        for (AppsReader.App app : result.apps()) {
            if (app.valid()) {
                String property = AppsReader.Names.of(app.name()).apiKey();
                keys.put(app.name(), new SigningKeyRotation(app.settings(), property,
                        () -> config.getOptionalValue(property, String.class), System::nanoTime));
                LOG.info(() -> "Authy app " + app.name() + ": " + app.settings());
            } else {
                keys.put(app.name(), null);
                problems.put(app.name(), app.problems());
            }
        }
        if (!keys.containsKey(AppName.DEFAULT)) {
            LOG.info("No default app (" + AppsReader.API_KEY + " is not set): POST /verify/token answers 404; the apps"
                    + " of " + AppsReader.APPS + " are served.");
        }
        LOG.info("Tokens are served at " + String.join(", ", keys.keySet().stream()
                .map(name -> "POST " + name.tokenPath()).toList()) + ".");
    }

    private static boolean voiceAllowed(PolicyConfiguration policies) {
        try {
            return policies.policy().voice();
        } catch (ServiceNotConfiguredException policyWrong) {
            return true; // the policy's own problems stop every token anyway
        }
    }

    /**
     * The app a request names: the default one for {@code null}, else an app of {@code apps}; refuses with 404
     * otherwise (without the default app, {@code null} too). The answer never repeats the name asked for.
     */
    public AppName resolve(String requested) {
        Optional<AppName> name = requested == null ? Optional.of(AppName.DEFAULT) : AppName.parse(requested);
        return name.filter(keys::containsKey).orElseThrow(UnknownAppException::new);
    }

    /** The app's settings with its key in use now; refuses with 503 and its problems when they are wrong. */
    public TokenSettings settings(AppName app) {
        if (!keys.containsKey(app)) {
            throw new UnknownAppException();
        }
        SigningKeyRotation key = keys.get(app);
        if (key == null) {
            throw new ServiceNotConfiguredException(problems.get(app));
        }
        return key.current();
    }

    /** Whether the default app signs with a random key made at start (development mode): Twilio refuses its tokens. */
    public boolean developmentMode() {
        return development;
    }

    /** Every app served, the default one first when there is one. */
    public List<Status> statuses() {
        List<Status> statuses = new ArrayList<>();
        keys.forEach((name, key) -> statuses.add(new Status(name,
                key == null ? Optional.empty() : Optional.of(key.current().appId()),
                problems.getOrDefault(name, List.of()))));
        return statuses;
    }

    /** Whether at least one app can issue tokens. */
    public boolean anyReady() {
        return keys.values().stream().anyMatch(key -> key != null);
    }

    /** What is wrong with the token defaults every app starts from: it stops every token. */
    @Override
    public List<ConfigurationProblem> problems() {
        return shared;
    }

    /** What is wrong with one app or another (and with the list of apps): only those apps' tokens are refused. */
    @Override
    public List<ConfigurationProblem> appProblems() {
        List<ConfigurationProblem> all = new ArrayList<>(listProblems);
        problems.values().forEach(all::addAll);
        return all;
    }
}
