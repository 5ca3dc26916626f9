package dev.verifytoken.auth.entity;

import java.util.List;

/**
 * Caller authentication: when required, every token request must carry a bearer JWT from the app's own
 * sign-in, signed with one of the configured keys, from the configured issuer, for one of the audiences.
 *
 * @param keySource a PEM public key, a JWK or JWKS document, or the location of one (file or https URL)
 * @param audiences               empty: the audience is not checked
 * @param maxTokenLifetimeSeconds the longest a caller token may be valid ({@code exp - iat}, and {@code exp} from
 *                                now)
 */
public record CallerAuthSettings(boolean required, String keySource, boolean keyIsLocation, String issuer,
                                 List<String> audiences, String algorithm, long maxTokenLifetimeSeconds) {

    public static final long DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 86_400;

    public static CallerAuthSettings off() {
        return new CallerAuthSettings(false, null, false, null, List.of(), null, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS);
    }

    public CallerAuthSettings {
        audiences = List.copyOf(audiences);
    }
}
