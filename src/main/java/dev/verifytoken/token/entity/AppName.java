package dev.verifytoken.token.entity;

import java.util.Optional;

/**
 * The name of an Authy app this deployment serves: {@code default} for the app of {@code authy.api.key} and
 * {@code app.id} ({@code POST /verify/token}), or one of {@code apps}, 1 to 32 lower-case letters, digits or
 * {@code -} ({@code POST /verify/apps/<name>/token}).
 */
public record AppName(String value) {

    public static final AppName DEFAULT = new AppName("default");
    public static final String RULE = "must be 1 to 32 lower-case letters, digits or -, and not default";
    private static final int MAX_LENGTH = 32;

    /** An extra app's name; empty when the text is not one ({@link #RULE}). */
    public static Optional<AppName> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH || text.equals(DEFAULT.value)
                || !text.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            return Optional.empty();
        }
        return Optional.of(new AppName(text));
    }

    public boolean isDefault() {
        return equals(DEFAULT);
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
