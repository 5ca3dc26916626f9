package dev.verifytoken.token.entity;

/** The {@code code_length} claim's range: Twilio sends codes of 4 to 10 digits (4 unless told otherwise). */
public final class CodeLength {

    public static final int MIN = 4;
    public static final int MAX = 10;
    public static final String RULE = "must be a whole number from " + MIN + " to " + MAX;

    private CodeLength() {
    }

    public static boolean isValid(int length) {
        return length >= MIN && length <= MAX;
    }
}
