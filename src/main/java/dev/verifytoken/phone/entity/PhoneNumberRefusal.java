package dev.verifytoken.phone.entity;

/**
 * Why a typed phone number cannot be turned into E.164. The code goes into the problem answer
 * ({@code errors[].code}); the message explains it to the person who reads it.
 */
public enum PhoneNumberRefusal {
    MISSING("missing", "is required"),
    NOT_A_NUMBER("not_a_number", "is not a phone number"),
    NEEDS_COUNTRY("needs_country",
            "is in national format: start it with + and the country code, or give the country field"),
    UNKNOWN_COUNTRY_CODE("unknown_country_code", "starts with a country calling code that does not exist"),
    TOO_SHORT("too_short", "is too short to be a phone number"),
    TOO_LONG("too_long", "is too long to be a phone number"),
    HAS_EXTENSION("has_extension", "has an extension; a verification goes to the line itself"),
    HAS_LETTERS("has_letters", "has letters: send the digits of the number (a capital O is not a zero)"),
    NOT_VALID_FOR_COUNTRY("not_valid_for_country", "is not a valid number for its country");

    private final String code;
    private final String message;

    PhoneNumberRefusal(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}
