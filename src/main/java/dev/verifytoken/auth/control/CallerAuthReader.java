package dev.verifytoken.auth.control;

import dev.verifytoken.auth.entity.CallerAuthSettings;
import dev.verifytoken.configuration.control.SettingsReader;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import org.jose4j.http.SimpleGet;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads caller authentication: {@code auth.caller.required} (default false) and, when it is true, the
 * MicroProfile JWT properties {@code mp.jwt.verify.publickey} or {@code mp.jwt.verify.publickey.location},
 * {@code mp.jwt.verify.issuer} (required), {@code mp.jwt.verify.audiences} and
 * {@code mp.jwt.verify.publickey.algorithm} (RS256 or ES256), and {@code auth.caller.max-token-lifetime} (seconds,
 * default 86400). The key is read and checked at start-up; a key location is a file or an https URL, never http.
 */
public class CallerAuthReader {

    public static final String REQUIRED = "auth.caller.required";
    public static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    public static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    public static final String ISSUER = "mp.jwt.verify.issuer";
    public static final String AUDIENCES = "mp.jwt.verify.audiences";
    public static final String ALGORITHM = "mp.jwt.verify.publickey.algorithm";
    public static final String MAX_TOKEN_LIFETIME = "auth.caller.max-token-lifetime";

    public record Result(CallerAuthenticator authenticator, CallerAuthSettings settings,
                         List<ConfigurationProblem> problems) {
    }

    public Result read(SettingsReader values) {
        return read(values, null);
    }

    /** With keys at an https URL fetched through this client (tests); null: the bounded client of JwksKeys. */
    Result read(SettingsReader values, SimpleGet get) {
        if (!values.bool(REQUIRED, false)) {
            CallerAuthSettings off = CallerAuthSettings.off();
            return values.valid() ? new Result(new CallerAuthenticator(off), off, List.of())
                    : new Result(null, null, values.problems());
        }

        Optional<String> key = values.text(PUBLIC_KEY);
        Optional<String> location = values.text(PUBLIC_KEY_LOCATION);
        if (key.isEmpty() && location.isPresent() && location.get().toLowerCase(Locale.ROOT).startsWith("http://")) {
            values.problem(PUBLIC_KEY_LOCATION, "must be an https URL (or a file): keys fetched over plain http could"
                    + " be swapped by anyone on the way");
        }
        long maxLifetime = values.wholeNumber(MAX_TOKEN_LIFETIME, 60, 604_800, " seconds (7 days): the longest a"
                + " caller token may be valid").orElse(CallerAuthSettings.DEFAULT_MAX_TOKEN_LIFETIME_SECONDS);
        if (key.isEmpty() && location.isEmpty()) {
            values.problem(PUBLIC_KEY_LOCATION, "or " + PUBLIC_KEY + " is required when " + REQUIRED + " is true: the"
                    + " public key, JWK or JWKS of the app's sign-in");
        }
        Optional<String> issuer = values.text(ISSUER);
        if (issuer.isEmpty()) {
            values.problem(ISSUER, "is required when " + REQUIRED + " is true: the iss of the app's sign-in tokens");
        }
        String algorithm = values.text(ALGORITHM).orElse("RS256").toUpperCase(Locale.ROOT);
        if (!algorithm.equals("RS256") && !algorithm.equals("ES256")) {
            values.problem(ALGORITHM, "must be RS256 or ES256");
        }
        List<String> audiences = values.list(AUDIENCES);
        if (!values.valid()) {
            return new Result(null, null, values.problems());
        }
        CallerAuthSettings settings = new CallerAuthSettings(true, key.orElseGet(location::get), key.isEmpty(),
                issuer.get(), audiences, algorithm, maxLifetime);
        try {
            return new Result(new CallerAuthenticator(settings, get), settings, List.of());
        } catch (IllegalArgumentException e) {
            return new Result(null, null, List.of(new ConfigurationProblem(key.isPresent() ? PUBLIC_KEY
                    : PUBLIC_KEY_LOCATION, e.getMessage())));
        }
    }
}
