package dev.verifytoken.issuance.entity;

import dev.verifytoken.problem.control.ProblemException;

/**
 * The fields of a token request as the client sent them, before any check. Absent or empty fields are
 * {@code null}. A body that could not be read carries the problem that answers it instead, so that the issuance
 * refuses it at its own step (after the configuration, the app and the caller have been checked), as it refuses
 * anything else.
 */
public record TokenRequestFields(String phoneNumber, String country, String locale, String via,
                                 ProblemException unreadable) {

    public static final String PHONE_NUMBER = "phone_number";
    public static final String COUNTRY = "country";
    public static final String LOCALE = "locale";
    public static final String VIA = "via";

    public TokenRequestFields(String phoneNumber, String country, String locale, String via) {
        this(phoneNumber, country, locale, via, null);
    }

    public TokenRequestFields {
        phoneNumber = emptyToNull(phoneNumber);
        country = emptyToNull(country);
        locale = emptyToNull(locale);
        via = emptyToNull(via);
    }

    /** A body that could not be read, and the problem that answers it. */
    public static TokenRequestFields unreadable(ProblemException problem) {
        return new TokenRequestFields(null, null, null, null, problem);
    }

    /** The fields; refuses with the problem when the body could not be read. */
    public TokenRequestFields readable() {
        if (unreadable != null) {
            throw unreadable;
        }
        return this;
    }

    public static boolean isField(String name) {
        return PHONE_NUMBER.equals(name) || COUNTRY.equals(name) || LOCALE.equals(name) || VIA.equals(name);
    }

    /** A builder for readers that meet the fields one at a time. */
    public static final class Builder {
        private final String[] values = new String[4];
        private final boolean[] given = new boolean[4];

        /**
         * @param value the value; null when given as JSON null or in another type (it is still given)
         * @return false if the field was given before, whatever its value then
         */
        public boolean set(String name, String value) {
            int index = switch (name) {
                case PHONE_NUMBER -> 0;
                case COUNTRY -> 1;
                case LOCALE -> 2;
                case VIA -> 3;
                default -> throw new IllegalArgumentException("not a field: " + name);
            };
            boolean first = !given[index];
            given[index] = true;
            values[index] = value;
            return first;
        }

        public TokenRequestFields build() {
            return new TokenRequestFields(values[0], values[1], values[2], values[3]);
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Never prints the number. */
    @Override
    public String toString() {
        return "TokenRequestFields[phoneNumber=" + (phoneNumber == null ? null : "(" + phoneNumber.length()
                + " chars)") + ", country=" + country + ", locale=" + locale + ", via=" + via + "]";
    }
}
