package dev.verifytoken.ratelimit.control;

import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.phone.entity.E164Number;
import dev.verifytoken.problem.entity.Problem;
import dev.verifytoken.ratelimit.entity.Limit;
import dev.verifytoken.ratelimit.entity.LimitKind;
import dev.verifytoken.ratelimit.entity.RateLimitSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    private final ManualClock clock = new ManualClock();
    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer();
    private LocalBucketStore store;

    private E164Number number(String typed) {
        try {
            return normalizer.normalize(typed, null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private RateLimiter limiter(String perNumber, String perClient, String perCountry) {
        Map<LimitKind, Limit> limits = new EnumMap<>(LimitKind.class);
        limit(perNumber).ifPresent(limit -> limits.put(LimitKind.PHONE_NUMBER, limit));
        limit(perClient).ifPresent(limit -> limits.put(LimitKind.CLIENT, limit));
        limit(perCountry).ifPresent(limit -> limits.put(LimitKind.COUNTRY, limit));
        RateLimitSettings settings = new RateLimitSettings(limits, List.of(), 64, 1000);
        store = new LocalBucketStore(clock, 1000);
        return new RateLimiter(settings, store);
    }

    private static Optional<Limit> limit(String text) {
        return Limit.parse(text);
    }

    @Test
    void refusesTheNumberAfterItsLimitAndSaysWhenToRetry() {
        RateLimiter limiter = limiter("3/1h", "off", "off");
        E164Number number = number("+14155552671");
        for (int i = 0; i < 3; i++) {
            limiter.consume("198.51.100.1", number);
        }
        RateLimitedException refused = assertThrows(RateLimitedException.class,
                () -> limiter.consume("198.51.100.2", number));
        assertEquals(1200, refused.retryAfterSeconds(), "one token every 20 minutes");
        Problem problem = refused.problem();
        assertEquals(429, problem.status());
        assertEquals("1200", problem.headers().get("Retry-After"));
        assertEquals("phone_number", problem.extensions().get("limit"));

        limiter.consume("198.51.100.1", number("+14155552672"));
    }

    @Test
    void refillsWithTime() {
        RateLimiter limiter = limiter("3/1h", "off", "off");
        E164Number number = number("+14155552671");
        for (int i = 0; i < 3; i++) {
            limiter.consume("198.51.100.1", number);
        }
        clock.advance(Duration.ofMinutes(19));
        RateLimitedException refused = assertThrows(RateLimitedException.class,
                () -> limiter.consume("198.51.100.1", number));
        assertEquals(60, refused.retryAfterSeconds());
        clock.advance(Duration.ofMinutes(1));
        limiter.consume("198.51.100.1", number);
        assertThrows(RateLimitedException.class, () -> limiter.consume("198.51.100.1", number));
    }

    @Test
    void roundsRetryAfterUpToWholeSeconds() {
        RateLimiter limiter = limiter("1/1h", "off", "off");
        E164Number number = number("+14155552671");
        limiter.consume("198.51.100.1", number);
        clock.advance(Duration.ofMinutes(60).minusMillis(1500));
        assertEquals(2, assertThrows(RateLimitedException.class, () -> limiter.consume("x", number))
                .retryAfterSeconds());
    }

    @Test
    void refusesTheClientAfterItsLimit() {
        RateLimiter limiter = limiter("off", "2/10m", "off");
        limiter.consume("198.51.100.1", number("+14155552671"));
        limiter.consume("198.51.100.1", number("+14155552672"));
        RateLimitedException refused = assertThrows(RateLimitedException.class,
                () -> limiter.consume("198.51.100.1", number("+14155552673")));
        assertEquals("client", refused.problem().extensions().get("limit"));
        assertEquals(300, refused.retryAfterSeconds());
        limiter.consume("198.51.100.2", number("+14155552673"));
    }

    @Test
    void keepsABudgetPerCountry() {
        RateLimiter limiter = limiter("off", "off", "2/1h");
        limiter.consume("a", number("+447400123456"));
        limiter.consume("b", number("+447400123457"));
        RateLimitedException refused = assertThrows(RateLimitedException.class,
                () -> limiter.consume("c", number("+447400123458")));
        assertEquals("country", refused.problem().extensions().get("limit"));
        limiter.consume("c", number("+14155552671"));
    }

    @Test
    void limitsThatAreOffNeverRefuse() {
        RateLimiter limiter = limiter("off", "off", "off");
        E164Number number = number("+14155552671");
        for (int i = 0; i < 10_000; i++) {
            limiter.consume("198.51.100.1", number);
        }
        assertEquals(0, store.size(), "no bucket is made for a limit that is off");
    }

    @Test
    void neverIssuesMoreThanTheLimitUnderConcurrency() throws Exception {
        RateLimiter limiter = limiter("50/1h", "off", "off");
        E164Number number = number("+14155552671");
        java.util.concurrent.atomic.AtomicInteger granted = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    try {
                        limiter.consume("x", number);
                        granted.incrementAndGet();
                    } catch (RateLimitedException e) {
                        // expected once the bucket is empty
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(50, granted.get());
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfRandomNumbers() {
        LocalBucketStore store = new LocalBucketStore(clock, 5000);
        RateLimiter limiter = new RateLimiter(new RateLimitSettings(Map.of(LimitKind.PHONE_NUMBER, limit("5/1h").orElseThrow()), List.of(), 64, 5000),
                store);
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 200_000; i++) {
            String national = String.format("%07d", random.nextInt(10_000_000));
            limiter.consume("x", new E164Number("+1415" + national, 1, "US",
                    com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE));
            assertTrue(store.size() <= 5000);
        }
        assertEquals(5000, store.size());
    }
}
