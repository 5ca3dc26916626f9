package dev.verifytoken.ratelimit.control;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A clock in nanoseconds that the test moves by hand: no sleeping. */
final class ManualClock implements LongSupplier {

    private long nanos = 1_000_000_000L;

    void advance(Duration duration) {
        nanos += duration.toNanos();
    }

    @Override
    public long getAsLong() {
        return nanos;
    }
}
