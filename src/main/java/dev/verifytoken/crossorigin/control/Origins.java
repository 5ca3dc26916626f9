package dev.verifytoken.crossorigin.control;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Origins as RFC 6454 serialises them ({@code https://app.example.com:8443}), compared in one canonical form. */
final class Origins {

    private static final Pattern ORIGIN = Pattern.compile("(https?)://([a-z0-9.-]+|\\[[0-9a-f:.]+\\])(?::([0-9]{1,5}))?");

    private Origins() {
    }

    /** The origin in lower case without its scheme's default port, or empty when the text is not one origin. */
    static Optional<String> canonical(String text) {
        if (text == null || text.length() > 300) {
            return Optional.empty();
        }
        Matcher origin = ORIGIN.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!origin.matches()) {
            return Optional.empty();
        }
        String scheme = origin.group(1);
        String port = origin.group(3);
        if (port != null) {
            int number = Integer.parseInt(port);
            if (number < 1 || number > 65535) {
                return Optional.empty();
            }
            if (scheme.equals("https") && number == 443 || scheme.equals("http") && number == 80) {
                port = null;
            }
        }
        return Optional.of(scheme + "://" + origin.group(2) + (port == null ? "" : ":" + Integer.parseInt(port)));
    }

    /** The host and port of an origin ({@code app.example.com:8443}), as a Host header names them. */
    static Optional<String> authority(String text) {
        return canonical(text).map(origin -> origin.substring(origin.indexOf("://") + 3));
    }
}
