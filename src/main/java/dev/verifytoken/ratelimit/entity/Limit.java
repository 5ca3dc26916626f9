package dev.verifytoken.ratelimit.entity;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate limit: at most {@code tokens} per {@code period}, refilled smoothly (one token every
 * {@code period / tokens}). Written {@code 5/1h}, {@code 100/10m}, {@code 20/30s} or {@code 1000/1d}.
 */
public record Limit(long tokens, Duration period) {

    public static final String RULE = "must be off or <count>/<period>, such as 5/1h, 100/10m or 20/30s"
            + " (count 1..1000000, period 1s..1d)";

    private static final Pattern TEXT = Pattern.compile("(\\d{1,7})\\s*/\\s*(\\d{1,5})\\s*([smhd])");

    public Limit {
        if (tokens < 1 || tokens > 1_000_000) {
            throw new IllegalArgumentException("tokens out of range");
        }
        if (period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("period out of range");
        }
    }

    /** How long one token takes to come back (the period over the tokens, rounded up to a nanosecond). */
    public long nanosPerToken() {
        long period = period().toNanos();
        return (period + tokens - 1) / tokens;
    }

    /** How long an empty bucket of this limit takes to be full. */
    public long nanosToFill() {
        return nanosPerToken() * tokens;
    }

    /** Whether the text switches a limit off. */
    public static boolean isOff(String text) {
        return text.strip().equalsIgnoreCase("off");
    }

    /** The limit this text writes, or empty when it is not one (see {@link #RULE}; {@code off} is not a limit). */
    public static Optional<Limit> parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = TEXT.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(2));
        Duration period = switch (matcher.group(3)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        try {
            return Optional.of(new Limit(Long.parseLong(matcher.group(1)), period));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return tokens + "/" + period.toSeconds() + "s";
    }
}
