package dev.verifytoken.auth.control;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.junit.jupiter.api.Test;

import java.security.Key;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in's keys, with the intervals shortened (jose4j keeps the wall clock's time for its own): fetched once,
 * again for an unknown key at most once per interval, again when old, and retried without waiting while there are
 * none.
 */
class JwksKeysTest {

    private static final Duration UNKNOWN_KEY_REFRESH = Duration.ofSeconds(3);
    private static final Duration MAX_AGE = Duration.ofSeconds(4);
    private static final Duration RETRY = Duration.ofSeconds(10);

    private final CallerTokens signIn = new CallerTokens();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final FakeJwksEndpoint endpoint = new FakeJwksEndpoint(signIn.jwks());
    private final JwksKeys keys = new JwksKeys("https://sign-in.example/jwks", endpoint, UNKNOWN_KEY_REFRESH, MAX_AGE,
            RETRY, clock::get);

    private static JsonWebSignature jws(String token) throws JoseException {
        return (JsonWebSignature) JsonWebSignature.fromCompactSerialization(token);
    }

    private Key resolve(String token) throws Exception {
        return keys.resolver().resolveKey(jws(token), List.of());
    }

    @Test
    void fetchesOnceAndThenUsesTheKeysAtHand() throws Exception {
        assertTrue(keys.fetch());
        Key key = resolve(signIn.validToken());
        for (int i = 0; i < 100; i++) {
            assertEquals(key, resolve(signIn.validToken()));
        }
        assertEquals(signIn.publicKey(), key);
        assertEquals(1, endpoint.fetches());
        assertNull(keys.failure());
    }

    @Test
    void fetchesForAnUnknownKeyAtMostOncePerInterval() throws Exception {
        keys.fetch();
        String unknown = new CallerTokens().validToken();
        for (int i = 0; i < 100; i++) {
            assertThrows(UnresolvableKeyException.class, () -> resolve(unknown));
        }
        assertEquals(1, endpoint.fetches(), "a hundred unknown keys within the interval after the last fetch: none");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            assertThrows(UnresolvableKeyException.class, () -> resolve(unknown));
            return endpoint.fetches() == 2;
        });
    }

    @Test
    void picksUpARotatedKeyOfTheSignIn() throws Exception {
        keys.fetch();
        CallerTokens rotated = new CallerTokens();
        endpoint.answer(rotated.jwks());
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> resolve(rotated.validToken()) != null);
        assertEquals(rotated.publicKey(), resolve(rotated.validToken()));
    }

    @Test
    void saysWhyThereAreNoKeysAndRetriesNowAndThenWithoutWaiting() throws Exception {
        endpoint.fail();
        assertFalse(keys.fetch());
        assertTrue(keys.failure().contains("could not be fetched from https://sign-in.example/jwks"), keys.failure());
        assertTrue(keys.failure().contains("ConnectException"));
        for (int i = 0; i < 100; i++) {
            assertFalse(keys.available());
        }
        assertEquals(1, endpoint.fetches(), "no retry before " + RETRY);
        endpoint.answer(signIn.jwks());
        clock.addAndGet(RETRY.toNanos());
        assertTrue(keys.available());
        assertEquals(2, endpoint.fetches());
        assertNotNull(resolve(signIn.validToken()));
    }

    @Test
    void fetchesAgainWhenTheKeysAreOld() throws Exception {
        keys.fetch();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            resolve(signIn.validToken());
            return endpoint.fetches() == 2;
        });
    }
}
