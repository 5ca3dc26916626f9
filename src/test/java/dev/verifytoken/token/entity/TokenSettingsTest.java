package dev.verifytoken.token.entity;

import dev.verifytoken.token.control.TestKeys;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenSettingsTest {

    private final String key = TestKeys.randomKey();

    @Test
    void refusesSettingsOutsideTheSpec() {
        byte[] good = key.getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> new TokenSettings(new byte[31], 1, 3600, null, null, null,
                null));
        assertThrows(IllegalArgumentException.class, () -> new TokenSettings(good, 1, 3601, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new TokenSettings(good, 1, 59, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new TokenSettings(good, 0, 3600, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new TokenSettings(good, 1, 3600, 11, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new TokenSettings(good, 1, 3600, 3, null, null, null));
    }

    @Test
    void neverShowsTheKey() {
        TokenSettings settings = new TokenSettings(key.getBytes(StandardCharsets.UTF_8), 1, 3600, null, null, null,
                null);
        assertFalse(settings.toString().contains(key));
        assertFalse(settings.withKey(TestKeys.randomKey().getBytes(StandardCharsets.UTF_8)).toString().contains(key));
    }
}
