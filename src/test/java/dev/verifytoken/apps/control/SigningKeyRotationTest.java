package dev.verifytoken.apps.control;

import dev.verifytoken.token.control.TestKeys;
import dev.verifytoken.token.entity.TokenSettings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class SigningKeyRotationTest {

    private final String firstKey = TestKeys.randomKey();
    private final AtomicReference<String> keyFile = new AtomicReference<>(firstKey);
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final TokenSettings initial = new TokenSettings(bytes(firstKey), 42, 3600, 6, null, null, "US");
    private final SigningKeyRotation rotation = new SigningKeyRotation(initial, AppsReader.API_KEY,
            () -> Optional.ofNullable(keyFile.get()), clock::get);

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    private void advance(long seconds) {
        clock.addAndGet(seconds * 1_000_000_000L);
    }

    @Test
    void keepsTheKeyWhileItIsUnchanged() {
        advance(60);
        assertSame(initial, rotation.current());
    }

    @Test
    void picksUpANewKeyAtTheNextCheckAndOnlyTheKey() {
        String secondKey = TestKeys.randomKey();
        keyFile.set(secondKey + "\n");
        advance(5);
        assertArrayEquals(bytes(firstKey), rotation.current().signingKey().getEncoded(), "not before the next check");
        advance(6);
        TokenSettings rotated = rotation.current();
        assertArrayEquals(bytes(secondKey), rotated.signingKey().getEncoded(), "a trailing newline is not the key");
        assertEquals(42, rotated.appId());
        assertEquals(6, rotated.codeLength().getAsInt());
        assertEquals("US", rotated.defaultRegion().orElseThrow());
    }

    @Test
    void keepsThePreviousKeyWhenTheNewOneIsTooShortOrGone() {
        keyFile.set("too-short");
        advance(11);
        assertArrayEquals(bytes(firstKey), rotation.current().signingKey().getEncoded());
        keyFile.set(null);
        advance(11);
        assertArrayEquals(bytes(firstKey), rotation.current().signingKey().getEncoded());
        keyFile.set("  ");
        advance(11);
        assertArrayEquals(bytes(firstKey), rotation.current().signingKey().getEncoded());
    }
}
