package dev.verifytoken.ratelimit.control;

import dev.verifytoken.problem.control.ProblemException;
import dev.verifytoken.problem.entity.Problem;
import dev.verifytoken.problem.entity.ProblemType;
import dev.verifytoken.ratelimit.entity.LimitKind;

/** Over a limit: 429 with {@code Retry-After} in whole seconds, and no token. */
public class RateLimitedException extends ProblemException {

    private final LimitKind limit;
    private final long retryAfterSeconds;

    public RateLimitedException(LimitKind limit, long retryAfterSeconds) {
        super("rate_limit", "rate limited: " + limit.problemName());
        this.limit = limit;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.RATE_LIMITED, limit.detail() + " Try again in "
                        + retryAfterSeconds + " s.")
                .withExtension("limit", limit.problemName())
                .withExtension("retry_after", retryAfterSeconds)
                .withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }
}
