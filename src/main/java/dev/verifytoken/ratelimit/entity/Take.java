package dev.verifytoken.ratelimit.entity;

/**
 * The answer of a bucket to one take: whether the token was granted, how long until the bucket has a token again
 * (0 when it has one now) and how long until it is full again. The last is exact, so that a bucket of this process
 * can follow a shared one to the nanosecond.
 */
public record Take(boolean granted, long nanosUntilNext, long nanosUntilFull) {

    public static Take granted(long nanosUntilFull) {
        return new Take(true, 0, nanosUntilFull);
    }

    public static Take refused(long nanosUntilNext, long nanosUntilFull) {
        return new Take(false, nanosUntilNext, nanosUntilFull);
    }
}
