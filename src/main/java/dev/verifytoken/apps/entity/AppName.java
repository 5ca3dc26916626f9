package dev.verifytoken.apps.entity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of an Authy app this deployment serves: {@code default} for the app of {@code authy.api.key} and
 * {@code app.id} ({@code POST /verify/token}), or one of {@code apps}, 1 to 32 lower-case letters, digits or
 * {@code -} ({@code POST /verify/apps/<name>/token}).
 */
public record AppName(String value) {

    public static final AppName DEFAULT = new AppName("default");
    public static final String RULE = "must be 1 to 32 lower-case letters, digits or -, and not default";
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,32}");

    /** An extra app's name; empty when the text is not one ({@link #RULE}). */
    public static Optional<AppName> parse(String text) {
        if (text == null || !NAME.matcher(text).matches() || text.equals(DEFAULT.value)) {
            return Optional.empty();
        }
        return Optional.of(new AppName(text));
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** The path that serves this app's tokens: {@code /verify/token}, or {@code /verify/apps/<name>/token}. */
    public String tokenPath() {
        return isDefault() ? "/verify/token" : "/verify/apps/" + value + "/token";
    }

    /**
     * Where this app's per-number and per-country buckets are apart from the others': the default app's without a
     * prefix (its buckets survive adding apps), each extra app's under its name. The per-client buckets are shared by
     * every app.
     */
    public String limitScope() {
        return isDefault() ? "" : value + "/";
    }

    /** A property of this extra app: {@code apps.<name>.<suffix>}. */
    public String property(String suffix) {
        return "apps." + value + "." + suffix;
    }

    @Override
    public String toString() {
        return value;
    }
}
