package dev.verifytoken.health.control;

import dev.verifytoken.auth.control.CallerAuthentication;
import dev.verifytoken.configuration.control.ConfigurationCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Optional;

/**
 * Ready unless caller authentication needs the keys of the app's sign-in and they could not be fetched from its
 * JWKS URL (a wrong URL, or the identity provider unreachable); then DOWN with the reason, and retried every few
 * seconds. Up whenever caller authentication is off or its key is given directly.
 */
@Readiness
@ApplicationScoped
public class CallerKeysReadiness implements HealthCheck {

    @Inject
    ConfigurationCheck configuration;

    @Inject
    CallerAuthentication callers;

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = configuration.problems().isEmpty()
                ? callers.authenticator().keysProblem() : Optional.empty();
        return HealthCheckResponse.named("verify-token-caller-keys").status(problem.isEmpty())
                .withData("keys", problem.orElse("at hand or not needed")).build();
    }
}
