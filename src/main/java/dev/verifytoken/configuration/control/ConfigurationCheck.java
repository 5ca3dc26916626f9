package dev.verifytoken.configuration.control;

import dev.verifytoken.configuration.entity.ConfigurationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

/**
 * Gathers the problems of every feature's settings (each a {@link SettingsCheck} bean) when the application
 * starts, and logs them. When any is wrong the application still deploys, answers token requests with 503 naming
 * every problem, and reports itself not ready: it never signs with a bad configuration. The one registry of problems
 * that start-up, readiness and the 503 answers share.
 */
@ApplicationScoped
public class ConfigurationCheck {

    private static final Logger LOG = Logger.getLogger(ConfigurationCheck.class.getName());

    private List<ConfigurationProblem> problems = List.of();
    private List<ConfigurationProblem> appProblems = List.of();

    /** For CDI's proxy. */
    protected ConfigurationCheck() {
    }

    @Inject
    public ConfigurationCheck(Instance<SettingsCheck> features) {
        this(features.stream().toList());
    }

    public ConfigurationCheck(List<SettingsCheck> features) {
        List<ConfigurationProblem> found = new ArrayList<>();
        List<ConfigurationProblem> apps = new ArrayList<>();
        // a stable order whatever the container's: by the feature's class name
        features.stream().sorted(Comparator.comparing(feature -> feature.getClass().getName()))
                .forEach(feature -> {
                    found.addAll(feature.problems());
                    apps.addAll(feature.appProblems());
                });
        problems = List.copyOf(found);
        appProblems = List.copyOf(apps);
        if (problems.isEmpty() && appProblems.isEmpty()) {
            LOG.info("Configuration is valid.");
            return;
        }
        problems.forEach(problem -> LOG.severe("Configuration problem: " + problem));
        appProblems.forEach(problem -> LOG.severe("Configuration problem: " + problem));
        if (!problems.isEmpty()) {
            LOG.severe("Token requests are answered with 503 until the configuration is corrected and the"
                    + " application restarted.");
        } else {
            LOG.severe("Token requests for the apps named above are answered with 503 until their configuration is"
                    + " corrected and the application restarted; the other apps issue tokens.");
        }
    }

    /** Reads and checks every feature's settings as the application starts, not at the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // delivering the event creates this bean, which creates every feature's settings
    }

    /** What is wrong with the configuration, every app's problems included; empty when all of it is valid. */
    public List<ConfigurationProblem> problems() {
        if (appProblems.isEmpty()) {
            return problems;
        }
        List<ConfigurationProblem> all = new ArrayList<>(problems);
        all.addAll(appProblems);
        return all;
    }

    /** Whether the settings every app shares are valid (an app's own may still be wrong). */
    public boolean sharedSettingsValid() {
        return problems.isEmpty();
    }

    /** Refuses with 503, naming every problem, unless the settings every app shares are valid (an app's own problems
     * refuse only that app's tokens: see the apps' settings). */
    public void requireValid() {
        if (!problems.isEmpty()) {
            // every problem, the apps' own too: nothing is issued until the shared ones are corrected anyway
            throw new ServiceNotConfiguredException(problems());
        }
    }
}
