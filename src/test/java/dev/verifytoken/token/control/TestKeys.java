package dev.verifytoken.token.control;

import java.security.SecureRandom;
import java.util.Base64;

/** Random keys for tests: never a real one. */
public final class TestKeys {

    private TestKeys() {
    }

    /** 32 random bytes, base64url: a 43-character ASCII key, 43 bytes in UTF-8. */
    public static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
