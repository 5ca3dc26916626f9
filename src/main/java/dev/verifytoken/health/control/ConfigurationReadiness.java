package dev.verifytoken.health.control;

import dev.verifytoken.apps.control.AuthyApps;
import dev.verifytoken.configuration.control.ConfigurationCheck;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/**
 * Ready when the settings every app shares are valid and at least one Authy app can issue tokens; DOWN otherwise.
 * Either way every problem is listed (the property, its environment variable and the rule, never a value of the
 * key), an app's own included, so that a person can act on it: a broken app beside working ones leaves the
 * instance ready, since the others must go on being served.
 */
@Readiness
@ApplicationScoped
public class ConfigurationReadiness implements HealthCheck {

    @Inject
    ConfigurationCheck configuration;

    @Inject
    AuthyApps apps;

    @Override
    public HealthCheckResponse call() {
        List<ConfigurationProblem> problems = configuration.problems();
        boolean shared = configuration.sharedSettingsValid();
        boolean ready = shared && apps.anyReady();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("verify-token-configuration").status(ready);
        for (int i = 0; i < problems.size(); i++) {
            response.withData("problem." + (i + 1), problems.get(i).toString());
        }
        if (!problems.isEmpty()) {
            response.withData("action", "correct these properties and restart the application");
        }
        for (AuthyApps.Status app : apps.statuses()) {
            response.withData("app." + app.name(), describe(app, shared));
        }
        return response.build();
    }

    /** What readiness says of one app: ready only when its own settings and those every app shares are valid. */
    static String describe(AuthyApps.Status app, boolean sharedSettingsValid) {
        if (!app.ready()) {
            return "not ready: " + app.problems().size() + " problem(s) of its own, listed above";
        }
        if (!sharedSettingsValid) {
            return "not ready: the settings every app shares have problems, listed above";
        }
        return "ready, app id " + app.appId().orElseThrow();
    }
}
