package dev.verifytoken.token.entity;

import java.util.Locale;
import java.util.Optional;

/** How Twilio delivers the code: the {@code via} claim. */
public enum Via {
    SMS("sms"),
    CALL("call");

    private final String claim;

    Via(String claim) {
        this.claim = claim;
    }

    /** The value as it goes into the token. */
    public String claim() {
        return claim;
    }

    /** {@code sms} or {@code call}, in any case, surrounding spaces ignored. */
    public static Optional<Via> parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Via via : values()) {
            if (via.claim.equals(wanted)) {
                return Optional.of(via);
            }
        }
        return Optional.empty();
    }

    public static final String RULE = "must be sms or call";
}
