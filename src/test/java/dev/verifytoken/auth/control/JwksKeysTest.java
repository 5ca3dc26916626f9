package dev.verifytoken.auth.control;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwksKeysTest {

    private final CallerTokens signIn = new CallerTokens();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final FakeJwksEndpoint endpoint = new FakeJwksEndpoint(signIn.jwks());
    private final JwksKeys keys = new JwksKeys("https://sign-in.example/jwks", endpoint, clock::get);

    private static JsonWebSignature jws(String token) throws JoseException {
        return (JsonWebSignature) JsonWebSignature.fromCompactSerialization(token);
    }

    private void advance(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }

    @Test
    void fetchesOnceAndThenUsesTheKeysAtHand() throws Exception {
        assertTrue(keys.fetch());
        for (int i = 0; i < 100; i++) {
            assertNotNull(keys.resolveKey(jws(signIn.validToken()), List.of()));
        }
        assertEquals(1, endpoint.fetches());
        assertNull(keys.failure());
    }

    @Test
    void fetchesForAnUnknownKeyAtMostOncePerMinute() throws Exception {
        keys.fetch();
        String unknown = new CallerTokens().validToken();
        for (int i = 0; i < 1000; i++) {
            assertThrows(UnresolvableKeyException.class, () -> keys.resolveKey(jws(unknown), List.of()));
        }
        assertEquals(1, endpoint.fetches(), "a thousand unknown keys within a minute of the last fetch: no fetch");
        advance(JwksKeys.UNKNOWN_KEY_REFRESH);
        for (int i = 0; i < 1000; i++) {
            assertThrows(UnresolvableKeyException.class, () -> keys.resolveKey(jws(unknown), List.of()));
        }
        assertEquals(2, endpoint.fetches(), "then one");
    }

    @Test
    void picksUpARotatedKeyOfTheSignIn() throws Exception {
        keys.fetch();
        CallerTokens rotated = new CallerTokens();
        endpoint.answer(rotated.jwks());
        advance(JwksKeys.UNKNOWN_KEY_REFRESH);
        assertNotNull(keys.resolveKey(jws(rotated.validToken()), List.of()));
        assertEquals(2, endpoint.fetches());
    }

    @Test
    void saysWhyThereAreNoKeysAndRetriesNowAndThen() {
        endpoint.fail();
        assertFalse(keys.fetch());
        assertTrue(keys.failure().contains("could not be fetched from https://sign-in.example/jwks"), keys.failure());
        assertTrue(keys.failure().contains("ConnectException"));
        for (int i = 0; i < 100; i++) {
            assertFalse(keys.available());
        }
        assertEquals(1, endpoint.fetches(), "no retry before " + JwksKeys.RETRY);
        endpoint.answer(signIn.jwks());
        advance(JwksKeys.RETRY);
        assertTrue(keys.available());
        assertEquals(2, endpoint.fetches());
        assertDoesNotThrow(() -> keys.resolveKey(jws(signIn.validToken()), List.of()));
    }

    @Test
    void fetchesAgainWhenTheKeysAreOld() throws Exception {
        keys.fetch();
        advance(JwksKeys.MAX_AGE.plusSeconds(1));
        keys.resolveKey(jws(signIn.validToken()), List.of());
        assertEquals(2, endpoint.fetches());
    }
}
