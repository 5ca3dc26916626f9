package dev.verifytoken.policy.control;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import dev.verifytoken.configuration.control.SettingsReader;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.policy.entity.VerificationPolicy;
import dev.verifytoken.token.entity.CodeLength;
import dev.verifytoken.token.entity.VerificationLocale;
import dev.verifytoken.token.entity.Via;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the verification policy from configuration, one property per rule, each a list of countries
 * (ISO 3166-1 alpha-2, or {@code 001} for non-geographic numbers) or of number types:
 * <pre>
 * policy.countries.allow=US,CA,GB        only these countries (or policy.countries.deny=... all but these)
 * policy.non-geographic.allowed=false    true: numbers of no country (+800, +870, +881, +882, ...) get tokens
 * policy.number-types.refused=PREMIUM_RATE,SHARED_COST,UAN,VOICEMAIL,PAGER,PERSONAL_NUMBER   (NONE: none)
 * policy.voice=true                      false: no voice calls (fixed-line numbers are then refused)
 * policy.via.call=DE,FR                  via fixed to call for these countries (policy.via.sms likewise)
 * policy.code-length.6=GB,DE             code_length 6 for these countries (any length 4..10)
 * policy.locale.pt-BR=BR                 locale pt-BR for these countries (any supported locale)
 * phone.letters.allowed=false            true: letters in a number are the keypad's digits (1-800-FLOWERS)
 * </pre>
 * Every problem names the property and the bad value; a property under {@code policy.} that is none of
 * these is a problem too (a typo would otherwise be silently ignored).
 */
public class PolicyReader {

    public static final String PREFIX = "policy.";
    public static final String ALLOW = "policy.countries.allow";
    public static final String DENY = "policy.countries.deny";
    public static final String REFUSED_TYPES = "policy.number-types.refused";
    public static final String VOICE = "policy.voice";
    public static final String NON_GEOGRAPHIC = "policy.non-geographic.allowed";
    public static final String LETTERS = "phone.letters.allowed";
    public static final String VIA_PREFIX = "policy.via.";
    public static final String CODE_LENGTH_PREFIX = "policy.code-length.";
    public static final String LOCALE_PREFIX = "policy.locale.";
    private static final String NONE = "NONE";

    private final PhoneNumberNormalizer phoneNumbers;

    public PolicyReader(PhoneNumberNormalizer phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
    }

    public record Result(VerificationPolicy policy, List<ConfigurationProblem> problems) {
        public boolean valid() {
            return policy != null;
        }
    }

    /** @param values the configuration: each rule, and every property name (to find locale rules and typos) */
    public Result read(SettingsReader values) {

        Optional<Set<String>> allow = values.text(ALLOW).map(v -> countries(ALLOW, values));
        Set<String> deny = values.text(DENY).map(v -> countries(DENY, values)).orElse(Set.of());
        if (allow.isPresent() && !deny.isEmpty()) {
            values.problem(DENY, "cannot be set together with " + ALLOW
                    + ": give the countries to allow or the countries to deny");
        }
        Set<PhoneNumberType> refused = values.text(REFUSED_TYPES).map(v -> types(values))
                .orElse(VerificationPolicy.DEFAULT_REFUSED_TYPES);
        boolean voice = values.bool(VOICE, true);
        boolean nonGeographic = values.bool(NON_GEOGRAPHIC, false);
        boolean letters = values.bool(LETTERS, false);

        Map<String, Via> via = new HashMap<>();
        Map<String, String> viaSource = new HashMap<>();
        for (Via method : Via.values()) {
            String property = VIA_PREFIX + method.claim();
            values.text(property).ifPresent(v -> put(property, countries(property, values), method, via, viaSource,
                    values));
        }
        if (!voice && via.containsValue(Via.CALL)) {
            values.problem(VIA_PREFIX + "call", "cannot be set while " + VOICE + " is false");
        }

        Map<String, Integer> codeLength = new HashMap<>();
        Map<String, String> codeLengthSource = new HashMap<>();
        for (int length = CodeLength.MIN; length <= CodeLength.MAX; length++) {
            String property = CODE_LENGTH_PREFIX + length;
            int chosen = length;
            values.text(property).ifPresent(v -> put(property, countries(property, values), chosen, codeLength,
                    codeLengthSource, values));
        }

        Map<String, VerificationLocale> locale = new HashMap<>();
        Map<String, String> localeSource = new HashMap<>();
        for (String name : new TreeSet<>(policyNames(values.names()))) {
            if (isFixedName(name)) {
                continue;
            }
            if (name.startsWith(LOCALE_PREFIX)) {
                Optional<VerificationLocale> chosen = VerificationLocale.parse(name.substring(LOCALE_PREFIX.length()));
                if (chosen.isEmpty()) {
                    values.problem(name, "names an unsupported locale: the locale " + VerificationLocale.RULE);
                } else {
                    values.text(name).ifPresent(v -> put(name, countries(name, values), chosen.get(), locale,
                            localeSource, values));
                }
            } else if (name.startsWith(CODE_LENGTH_PREFIX)) {
                values.problem(name, "names a code length outside " + CodeLength.MIN + ".." + CodeLength.MAX);
            } else {
                values.problem(name, "is not a policy property; known: " + ALLOW + ", " + DENY + ", " + NON_GEOGRAPHIC
                        + ", " + REFUSED_TYPES + ", " + VOICE + ", " + VIA_PREFIX + "sms|call, " + CODE_LENGTH_PREFIX
                        + "<4..10>, " + LOCALE_PREFIX + "<locale>");
            }
        }

        if (!values.valid()) {
            return new Result(null, values.problems());
        }
        return new Result(new VerificationPolicy(allow.orElse(null), deny, nonGeographic, refused, voice, via,
                codeLength, locale, letters), List.of());
    }

    private static List<String> policyNames(Iterable<String> names) {
        List<String> policy = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith(PREFIX)) {
                policy.add(name);
            }
        }
        return policy;
    }

    private static boolean isFixedName(String name) {
        if (name.equals(ALLOW) || name.equals(DENY) || name.equals(REFUSED_TYPES) || name.equals(VOICE)
                || name.equals(NON_GEOGRAPHIC)) {
            return true;
        }
        if (name.equals(VIA_PREFIX + "sms") || name.equals(VIA_PREFIX + "call")) {
            return true;
        }
        if (name.startsWith(CODE_LENGTH_PREFIX)) {
            try {
                return CodeLength.isValid(Integer.parseInt(name.substring(CODE_LENGTH_PREFIX.length())));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    private <T> void put(String property, Set<String> countries, T value, Map<String, T> byCountry,
                         Map<String, String> source, SettingsReader values) {
        for (String country : countries) {
            String earlier = source.putIfAbsent(country, property);
            if (earlier != null) {
                values.problem(property, "lists " + country + ", which " + earlier
                        + " lists too: a country can have one value only");
            } else {
                byCountry.put(country, value);
            }
        }
    }

    private Set<String> countries(String property, SettingsReader values) {
        Set<String> countries = new LinkedHashSet<>();
        List<String> items = values.list(property);
        for (int i = 0; i < items.size(); i++) {
            String country = items.get(i).toUpperCase(Locale.ROOT);
            if (VerificationPolicy.NON_GEOGRAPHIC.equals(country) || phoneNumbers.isKnownRegion(country)) {
                countries.add(country);
            } else {
                values.itemProblem(property, i, "is not an ISO 3166-1 alpha-2 country code with phone numbers (or 001"
                        + " for non-geographic numbers)");
            }
        }
        return countries;
    }

    private static Set<PhoneNumberType> types(SettingsReader values) {
        List<String> items = values.list(REFUSED_TYPES);
        if (items.size() == 1 && items.get(0).equalsIgnoreCase(NONE)) {
            return Set.of();
        }
        Set<PhoneNumberType> types = EnumSet.noneOf(PhoneNumberType.class);
        for (int i = 0; i < items.size(); i++) {
            try {
                types.add(PhoneNumberType.valueOf(items.get(i).toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                values.itemProblem(REFUSED_TYPES, i, "is not a number type; types: "
                        + Arrays.toString(PhoneNumberType.values()) + ", or NONE");
            }
        }
        return types;
    }
}
