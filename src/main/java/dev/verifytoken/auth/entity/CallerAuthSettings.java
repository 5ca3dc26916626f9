package dev.verifytoken.auth.entity;

import java.util.List;

/**
 * Caller authentication: when required, every token request must carry a bearer JWT from the app's own
 * sign-in, signed with one of the configured keys, from the configured issuer, for one of the audiences.
 *
 * @param keySource a PEM public key, a JWK or JWKS document, or the location of one (file or https URL)
 * @param audiences empty: the audience is not checked
 */
public record CallerAuthSettings(boolean required, String keySource, boolean keyIsLocation, String issuer,
                                 List<String> audiences, String algorithm) {

    public static CallerAuthSettings off() {
        return new CallerAuthSettings(false, null, false, null, List.of(), null);
    }

    public CallerAuthSettings {
        audiences = List.copyOf(audiences);
    }
}
