package dev.verifytoken.ratelimit.control;

import dev.verifytoken.problem.control.ProblemException;
import dev.verifytoken.problem.entity.Problem;

/** Over a limit: 429 with {@code Retry-After} in whole seconds, and no token. */
public class RateLimitedException extends ProblemException {

    private final String limit;
    private final long retryAfterSeconds;

    /**
     * @param limit which limit: {@code phone_number}, {@code client} or {@code country}
     */
    public RateLimitedException(String limit, long retryAfterSeconds) {
        super("rate limited: " + limit);
        this.limit = limit;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Problem problem() {
        String detail = switch (limit) {
            case "phone_number" -> "Too many tokens for this phone number.";
            case "client" -> "Too many tokens for this client.";
            default -> "Too many tokens for numbers of this country.";
        };
        return Problem.of("rate-limited", 429, "Too many requests", detail + " Try again in " + retryAfterSeconds
                        + " s.")
                .withExtension("limit", limit)
                .withExtension("retry_after", retryAfterSeconds)
                .withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }
}
