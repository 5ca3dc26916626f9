package dev.verifytoken.auth.control;

import dev.verifytoken.auth.entity.CallerAuthSettings;
import dev.verifytoken.configuration.control.PropertyValues;
import dev.verifytoken.configuration.entity.ConfigurationProblem;

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
 * {@code mp.jwt.verify.publickey.algorithm} (RS256 or ES256). The key is read and checked at start-up.
 */
public class CallerAuthReader {

    public static final String REQUIRED = "auth.caller.required";
    public static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    public static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    public static final String ISSUER = "mp.jwt.verify.issuer";
    public static final String AUDIENCES = "mp.jwt.verify.audiences";
    public static final String ALGORITHM = "mp.jwt.verify.publickey.algorithm";

    public record Result(CallerAuthenticator authenticator, CallerAuthSettings settings,
                         List<ConfigurationProblem> problems) {
    }

    public Result read(Function<String, Optional<String>> values) {
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
                issuer.get(), audiences, algorithm);
        try {
            return new Result(new CallerAuthenticator(settings), settings, List.of());
        } catch (IllegalArgumentException e) {
            return new Result(null, null, List.of(new ConfigurationProblem(key.isPresent() ? PUBLIC_KEY
                    : PUBLIC_KEY_LOCATION, e.getMessage())));
        }
    }
}
