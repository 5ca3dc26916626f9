package dev.verifytoken.token.entity;

/**
 * What a token carries when the request does not say: its lifetime, and optionally the code length, {@code via}
 * and locale; and the region of numbers typed in national format. The global ones ({@code token.*},
 * {@code phone.default-region}) apply to every app unless an app sets its own ({@code apps.<name>.token.*}).
 */
public record TokenDefaults(int lifetimeSeconds, Integer codeLength, Via via, VerificationLocale locale,
                            String defaultRegion) {

    /** Before any configuration: the longest lifetime, nothing else. */
    public static final TokenDefaults BUILT_IN =
            new TokenDefaults(TokenSettings.MAX_LIFETIME_SECONDS, null, null, null, null);
}
