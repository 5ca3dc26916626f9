package dev.verifytoken.token.entity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A language the Twilio Verification SDK supports, as a BCP 47 tag: one of the supported tags, or
 * {@code language-REGION} whose language is supported (region: two letters or three digits).
 * Tags are kept in canonical case: {@code en-gb} becomes {@code en-GB}.
 */
public final class VerificationLocale {

    /** The supported tags, in the order Twilio lists them. */
    public static final List<String> SUPPORTED = List.of("en", "ar", "ca", "da", "de", "es", "el", "fi", "fr",
            "he", "hi", "hu", "id", "it", "ja", "ko", "nb", "nl", "pl", "pt", "ro", "ru", "sv", "th", "tl", "tr",
            "vi", "zh-CN", "zh-HK");

    private static final Set<String> LANGUAGES = Set.copyOf(SUPPORTED.stream().filter(t -> t.length() == 2).toList());
    private static final Set<String> TAGS = Set.copyOf(SUPPORTED);
    /** A region subtag: two ASCII capitals or three ASCII digits (UN M.49). */
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}|[0-9]{3}");

    public static final String RULE = "must be a supported language (" + String.join(", ", SUPPORTED)
            + ") or language-REGION with a supported language";

    private final String tag;

    private VerificationLocale(String tag) {
        this.tag = tag;
    }

    /** The supported locale this text names, in canonical case, or empty. */
    public static Optional<VerificationLocale> parse(String text) {
        String canonical = canonical(text.strip());
        return canonical == null ? Optional.empty() : Optional.of(new VerificationLocale(canonical));
    }

    /**
     * The supported locale that best matches an {@code Accept-Language} header, in the header's order of
     * preference; empty when none matches or the header is absent or malformed. A range with a region
     * whose language is supported but not the exact tag falls back to the language ({@code en-Latn-US}
     * gives {@code en}).
     */
    public static Optional<VerificationLocale> bestMatch(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 1000) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // the JDK's parser throws ArrayIndexOutOfBoundsException for "-" (found by a property test)
            return Optional.empty();
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0 || range.getRange().startsWith("*")) {
                continue;
            }
            String tag = range.getRange();
            Optional<VerificationLocale> exact = parse(tag);
            if (exact.isPresent()) {
                return exact;
            }
            int dash = tag.indexOf('-');
            if (dash > 0) {
                Optional<VerificationLocale> language = parse(tag.substring(0, dash));
                if (language.isPresent()) {
                    return language;
                }
            }
        }
        return Optional.empty();
    }

    /** The supported locale this text names; anything else is refused. */
    public static VerificationLocale of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("unsupported locale"));
    }

    /** The BCP 47 tag as it goes into the token. */
    public String tag() {
        return tag;
    }

    private static String canonical(String text) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            String language = text.toLowerCase(Locale.ROOT);
            return LANGUAGES.contains(language) ? language : null;
        }
        String language = text.substring(0, dash).toLowerCase(Locale.ROOT);
        String region = text.substring(dash + 1).toUpperCase(Locale.ROOT);
        String tag = language + "-" + region;
        if (TAGS.contains(tag)) {
            return tag;
        }
        return LANGUAGES.contains(language) && isRegion(region) ? tag : null;
    }

    private static boolean isRegion(String region) {
        return REGION.matcher(region).matches();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerificationLocale that && tag.equals(that.tag);
    }

    @Override
    public int hashCode() {
        return tag.hashCode();
    }

    @Override
    public String toString() {
        return tag;
    }
}
