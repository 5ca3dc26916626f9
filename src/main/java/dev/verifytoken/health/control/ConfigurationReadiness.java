package dev.verifytoken.health.control;

import dev.verifytoken.startup.control.ConfigurationCheck;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/**
 * Ready when the configuration is valid; otherwise DOWN with each problem (the property, its environment
 * variable and the rule, never a value of the key) so that a person can act on it.
 */
@Readiness
@ApplicationScoped
public class ConfigurationReadiness implements HealthCheck {

    @Inject
    ConfigurationCheck configuration;

    @Override
    public HealthCheckResponse call() {
        List<ConfigurationProblem> problems = configuration.problems();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("verify-token-configuration")
                .status(problems.isEmpty());
        for (int i = 0; i < problems.size(); i++) {
            response.withData("problem." + (i + 1), problems.get(i).toString());
        }
        if (!problems.isEmpty()) {
            response.withData("action", "correct these properties and restart the application");
        }
        return response.build();
    }
}
