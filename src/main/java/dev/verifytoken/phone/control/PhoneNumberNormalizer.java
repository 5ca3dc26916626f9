package dev.verifytoken.phone.control;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.verifytoken.phone.entity.E164Number;
import dev.verifytoken.phone.entity.PhoneNumberRefusal;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Optional;

/**
 * Turns what a user typed into an E.164 number with libphonenumber, or says precisely why it cannot.
 * Accepts E.164, formatted international numbers ({@code +1 (415) 555-2671}), national numbers
 * with a region ({@code (415) 555-2671} with {@code US}) and digits of any script. Letters are refused unless the
 * policy allows keypad letters: libphonenumber reads them as the keypad's digits ({@code 1-800-FLOWERS}), so a
 * capital O typed for a zero would otherwise get a token for a number nobody meant.
 */
@ApplicationScoped
public class PhoneNumberNormalizer {

    /** The region libphonenumber uses for "none". */
    private static final String UNKNOWN_REGION = "ZZ";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final boolean LARGE_PATTERN_CACHES = RegexCaches.enlarge(UTIL);

    private final PhoneNumberUtil util = UTIL;

    /** Whether libphonenumber's pattern caches have room for every country's patterns (see RegexCaches). */
    static boolean largePatternCaches() {
        return LARGE_PATTERN_CACHES;
    }

    /**
     * The number, refusing letters.
     *
     * @param typed  the number as the user typed it
     * @param region ISO 3166-1 alpha-2 region for numbers in national format, or {@code null}
     */
    public E164Number normalize(String typed, String region) throws InvalidPhoneNumberException {
        return normalize(typed, region, false);
    }

    /**
     * @param typed          the number as the user typed it
     * @param region         ISO 3166-1 alpha-2 region for numbers in national format, or {@code null}
     * @param keypadLetters  whether letters are read as the keypad's digits (vanity numbers) rather than refused
     */
    public E164Number normalize(String typed, String region, boolean keypadLetters) throws InvalidPhoneNumberException {
        if (typed == null || typed.isBlank()) {
            throw new InvalidPhoneNumberException(PhoneNumberRefusal.MISSING);
        }
        PhoneNumber number;
        try {
            number = parse(typed, region == null ? UNKNOWN_REGION : region);
        } catch (InvalidPhoneNumberException notANumber) {
            if (!keypadLetters && hasLetters(typed)) {
                throw new InvalidPhoneNumberException(PhoneNumberRefusal.HAS_LETTERS);
            }
            throw notANumber;
        }
        if (number.hasExtension()) {
            // "ext. 12", "x12": letters that say where the extension begins, refused as an extension
            throw new InvalidPhoneNumberException(PhoneNumberRefusal.HAS_EXTENSION);
        }
        if (!keypadLetters && hasLetters(typed)) {
            throw new InvalidPhoneNumberException(PhoneNumberRefusal.HAS_LETTERS);
        }
        // A number is valid when its region's metadata gives it a type; the type is what the policy needs.
        // (isValidNumber would compute the same type once more: valid numbers are never asked twice.)
        PhoneNumberType type = util.getNumberType(number);
        if (type == PhoneNumberType.UNKNOWN) {
            throw invalid(number);
        }
        String e164 = util.format(number, PhoneNumberFormat.E164);
        if (e164.length() - 1 > E164Number.MAX_DIGITS) {
            // libphonenumber's metadata has valid numbers longer than E.164 allows (German fixed-line numbers
            // of up to 15 national digits): no SMS or call can reach them through Twilio
            throw new InvalidPhoneNumberException(PhoneNumberRefusal.TOO_LONG, "is too long: an international"
                    + " (E.164) number has at most " + E164Number.MAX_DIGITS + " digits with its country code");
        }
        return new E164Number(e164, number.getCountryCode(), util.getRegionCodeForNumber(number), type);
    }

    /** Why a parsed number is not valid: its length, or else its digits, for its country. */
    private InvalidPhoneNumberException invalid(PhoneNumber number) {
        return switch (util.isPossibleNumberWithReason(number)) {
            case INVALID_COUNTRY_CODE -> new InvalidPhoneNumberException(PhoneNumberRefusal.UNKNOWN_COUNTRY_CODE);
            case TOO_SHORT -> new InvalidPhoneNumberException(PhoneNumberRefusal.TOO_SHORT);
            case IS_POSSIBLE_LOCAL_ONLY -> new InvalidPhoneNumberException(PhoneNumberRefusal.TOO_SHORT,
                    "is too short: it can only be dialled locally; include the area code");
            case TOO_LONG -> new InvalidPhoneNumberException(PhoneNumberRefusal.TOO_LONG);
            case INVALID_LENGTH -> notValid(number, "has a length that no number of %s has");
            case IS_POSSIBLE -> notValid(number, "is not a valid number for %s");
        };
    }

    /** Whether libphonenumber knows this ISO 3166-1 alpha-2 region (upper case). */
    public boolean isKnownRegion(String region) {
        return util.getSupportedRegions().contains(region);
    }

    /** A region code in canonical form (upper case), if libphonenumber knows it. */
    public Optional<String> knownRegion(String region) {
        String upper = region.trim().toUpperCase(Locale.ROOT);
        return isKnownRegion(upper) ? Optional.of(upper) : Optional.empty();
    }

    private PhoneNumber parse(String typed, String region) throws InvalidPhoneNumberException {
        try {
            return util.parse(typed, region);
        } catch (NumberParseException e) {
            switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE:
                    throw new InvalidPhoneNumberException(UNKNOWN_REGION.equals(region) && !startsWithPlus(typed)
                            ? PhoneNumberRefusal.NEEDS_COUNTRY
                            : PhoneNumberRefusal.UNKNOWN_COUNTRY_CODE);
                case TOO_SHORT_AFTER_IDD:
                case TOO_SHORT_NSN:
                    throw new InvalidPhoneNumberException(PhoneNumberRefusal.TOO_SHORT);
                case TOO_LONG:
                    throw new InvalidPhoneNumberException(PhoneNumberRefusal.TOO_LONG);
                case NOT_A_NUMBER:
                default:
                    throw new InvalidPhoneNumberException(PhoneNumberRefusal.NOT_A_NUMBER);
            }
        }
    }

    private InvalidPhoneNumberException notValid(PhoneNumber number, String format) {
        String region = util.getRegionCodeForCountryCode(number.getCountryCode());
        String where = UNKNOWN_REGION.equals(region) ? "country code +" + number.getCountryCode() : region;
        return new InvalidPhoneNumberException(PhoneNumberRefusal.NOT_VALID_FOR_COUNTRY, String.format(format, where));
    }

    /** Whether the number has letters of any script, but for the scheme of an RFC 3966 URI ({@code tel:+1-...}). */
    static boolean hasLetters(String typed) {
        String number = typed.strip();
        if (number.regionMatches(true, 0, "tel:", 0, 4)) {
            int parameters = number.indexOf(';');
            number = number.substring(4, parameters < 0 ? number.length() : parameters);
        }
        return number.codePoints().anyMatch(Character::isLetter);
    }

    private static boolean startsWithPlus(String typed) {
        String stripped = typed.strip();
        return !stripped.isEmpty() && (stripped.charAt(0) == '+' || stripped.charAt(0) == '\uFF0B');
    }
}
