package dev.verifytoken.auth.control;

import dev.verifytoken.auth.entity.CallerAuthSettings;
import dev.verifytoken.configuration.control.PropertyValues;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import org.jose4j.http.SimpleGet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

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

    public Result read(Function<String, Optional<String>> values) {
        return read(values, null);
    }

    /** With keys at an https URL fetched through this client (tests); null: the bounded client of JwksKeys. */
    Result read(Function<String, Optional<String>> values, SimpleGet get) {
        Function<String, Optional<String>> value = PropertyValues.nonBlank(values);
        List<ConfigurationProblem> problems = new ArrayList<>();
        String required = value.apply(REQUIRED).orElse("false");
        if (!required.equalsIgnoreCase("true") && !required.equalsIgnoreCase("false")) {
            problems.add(new ConfigurationProblem(REQUIRED, "must be true or false"));
        }
        if (!required.equalsIgnoreCase("true")) {
            CallerAuthSettings off = CallerAuthSettings.off();
            return problems.isEmpty() ? new Result(new CallerAuthenticator(off), off, List.of())
                    : new Result(null, null, List.copyOf(problems));
        }

        Optional<String> key = value.apply(PUBLIC_KEY);
        Optional<String> location = value.apply(PUBLIC_KEY_LOCATION);
        if (key.isEmpty() && location.isPresent() && location.get().toLowerCase(Locale.ROOT).startsWith("http://")) {
            problems.add(new ConfigurationProblem(PUBLIC_KEY_LOCATION, "must be an https URL (or a file): keys fetched"
                    + " over plain http could be swapped by anyone on the way"));
        }
        long maxLifetime = CallerAuthSettings.DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
        Optional<String> lifetime = value.apply(MAX_TOKEN_LIFETIME);
        if (lifetime.isPresent()) {
            maxLifetime = lifetime.get().matches("[0-9]{1,7}") ? Long.parseLong(lifetime.get()) : -1;
            if (maxLifetime < 60 || maxLifetime > 604_800) {
                problems.add(new ConfigurationProblem(MAX_TOKEN_LIFETIME, "must be a whole number of seconds from 60"
                        + " to 604800 (7 days): the longest a caller token may be valid"));
            }
        }
        if (key.isEmpty() && location.isEmpty()) {
            problems.add(new ConfigurationProblem(PUBLIC_KEY_LOCATION, "or " + PUBLIC_KEY + " is required when "
                    + REQUIRED + " is true: the public key, JWK or JWKS of the app's sign-in"));
        }
        Optional<String> issuer = value.apply(ISSUER);
        if (issuer.isEmpty()) {
            problems.add(new ConfigurationProblem(ISSUER, "is required when " + REQUIRED
                    + " is true: the iss of the app's sign-in tokens"));
        }
        String algorithm = value.apply(ALGORITHM).orElse("RS256").toUpperCase(Locale.ROOT);
        if (!algorithm.equals("RS256") && !algorithm.equals("ES256")) {
            problems.add(new ConfigurationProblem(ALGORITHM, "must be RS256 or ES256"));
        }
        List<String> audiences = value.apply(AUDIENCES)
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList())
                .orElse(List.of());
        if (!problems.isEmpty()) {
            return new Result(null, null, List.copyOf(problems));
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
