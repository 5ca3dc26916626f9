package dev.verifytoken.health.control;

import dev.verifytoken.ratelimit.control.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says where the rate-limit buckets are now: {@code local}, {@code jcache}, {@code redis redis://host:port/db},
 * or {@code local (redis ... unreachable)} while Redis is gone, and the state of the circuit breaker in front of a
 * shared store ({@code closed}, {@code open}, {@code half-open}; {@code none} without one). Always UP: without the
 * shared store tokens are still issued, under this instance's own limits.
 */
@Readiness
@ApplicationScoped
public class RateLimitStoreReadiness implements HealthCheck {

    @Inject
    RateLimits rateLimits;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("verify-token-rate-limit-store").up()
                .withData("store", rateLimits.storeInForce())
                // a string, not a JSON boolean: servers render boolean data differently (Payara as a string)
                .withData("shared", Boolean.toString(rateLimits.storeShared()))
                .withData("breaker", rateLimits.storeBreaker())
                .build();
    }
}
