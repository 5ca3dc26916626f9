package dev.verifytoken.phone.entity;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form: '+', the country calling code and the national number, digits only,
 * 15 digits at most. The region is the ISO 3166-1 alpha-2 code libphonenumber assigns to the number
 * ("001" for non-geographic numbers); the type is libphonenumber's ({@code MOBILE}, {@code FIXED_LINE},
 * {@code PREMIUM_RATE}, ...).
 */
public record E164Number(String value, int countryCode, String region, PhoneNumberType type) {

    /** The most digits an E.164 number has, country code included (ITU-T E.164 section 6). */
    public static final int MAX_DIGITS = 15;

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1," + (MAX_DIGITS - 1) + "}");

    public E164Number {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(type, "type");
        if (!E164.matcher(value).matches()) {
            throw new IllegalArgumentException("not an E.164 number");
        }
        if (!value.startsWith("+" + countryCode)) {
            throw new IllegalArgumentException("country code does not match the number");
        }
    }

    /**
     * The number as it may appear in a log: the country code and the last two digits, the rest hidden.
     */
    public String masked() {
        String prefix = "+" + countryCode;
        int hidden = value.length() - prefix.length() - 2;
        return prefix + "*".repeat(Math.max(hidden, 0)) + value.substring(value.length() - 2);
    }

    /** The full number never goes into a string meant for logs. */
    @Override
    public String toString() {
        return masked();
    }
}
