package dev.verifytoken.policy.entity;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import dev.verifytoken.token.entity.VerificationLocale;
import dev.verifytoken.token.entity.Via;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's verification policy, parsed once: which countries and number types may get tokens,
 * whether voice calls are allowed, and {@code via}, {@code code_length} and {@code locale} per country.
 * Every question is a set or map look-up.
 */
public final class VerificationPolicy {

    /** The usual targets of SMS pumping: refused unless the operator says otherwise. */
    public static final Set<PhoneNumberType> DEFAULT_REFUSED_TYPES = Set.copyOf(EnumSet.of(
            PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST, PhoneNumberType.UAN,
            PhoneNumberType.VOICEMAIL, PhoneNumberType.PAGER, PhoneNumberType.PERSONAL_NUMBER));

    /** The region libphonenumber gives non-geographic numbers (+800, +882, ...). */
    public static final String NON_GEOGRAPHIC = "001";

    private final Set<String> allowedCountries;
    private final Set<String> deniedCountries;
    private final boolean nonGeographic;
    private final Set<PhoneNumberType> refusedTypes;
    private final boolean voice;
    private final Map<String, Via> viaByCountry;
    private final Map<String, Integer> codeLengthByCountry;
    private final Map<String, VerificationLocale> localeByCountry;
    private final boolean keypadLetters;

    /**
     * @param allowedCountries the only countries that get tokens, or null for all
     * @param nonGeographic    whether non-geographic numbers ({@value #NON_GEOGRAPHIC}) get tokens when
     *                         {@code allowedCountries} is null; a list of allowed countries allows them only by
     *                         naming {@value #NON_GEOGRAPHIC}
     * @param keypadLetters    whether letters in a number are read as the keypad's digits (vanity numbers such as
     *                         {@code 1-800-FLOWERS}) rather than refused
     */
    public VerificationPolicy(Set<String> allowedCountries, Set<String> deniedCountries, boolean nonGeographic,
                              Set<PhoneNumberType> refusedTypes, boolean voice, Map<String, Via> viaByCountry,
                              Map<String, Integer> codeLengthByCountry,
                              Map<String, VerificationLocale> localeByCountry, boolean keypadLetters) {
        this.allowedCountries = allowedCountries == null ? null : Set.copyOf(allowedCountries);
        this.deniedCountries = Set.copyOf(deniedCountries);
        this.nonGeographic = nonGeographic;
        this.refusedTypes = refusedTypes.isEmpty() ? EnumSet.noneOf(PhoneNumberType.class) : EnumSet.copyOf(refusedTypes);
        this.voice = voice;
        this.viaByCountry = Map.copyOf(viaByCountry);
        this.codeLengthByCountry = Map.copyOf(codeLengthByCountry);
        this.localeByCountry = Map.copyOf(localeByCountry);
        this.keypadLetters = keypadLetters;
    }

    /**
     * The policy when the operator configures none: all countries but non-geographic numbers, the default
     * refused types, voice on, letters refused.
     */
    public static VerificationPolicy defaults() {
        return new VerificationPolicy(null, Set.of(), false, DEFAULT_REFUSED_TYPES, true, Map.of(), Map.of(),
                Map.of(), false);
    }

    public boolean allowsCountry(String region) {
        if (allowedCountries != null) {
            return allowedCountries.contains(region);
        }
        return !deniedCountries.contains(region) && (nonGeographic || !NON_GEOGRAPHIC.equals(region));
    }

    public boolean refusesType(PhoneNumberType type) {
        return refusedTypes.contains(type);
    }

    public boolean voice() {
        return voice;
    }

    /** Whether letters in a number are the keypad's digits (vanity numbers) rather than refused. */
    public boolean keypadLetters() {
        return keypadLetters;
    }

    public Optional<Via> via(String region) {
        return Optional.ofNullable(viaByCountry.get(region));
    }

    public Optional<Integer> codeLength(String region) {
        return Optional.ofNullable(codeLengthByCountry.get(region));
    }

    public Optional<VerificationLocale> locale(String region) {
        return Optional.ofNullable(localeByCountry.get(region));
    }

    /** For people: the policy in force, in a few lines of text, sorted. */
    public List<String> describe() {
        return List.of(
                "countries: " + (allowedCountries != null ? "only " + sorted(allowedCountries)
                        : deniedCountries.isEmpty() ? "all" : "all but " + sorted(deniedCountries)),
                "non-geographic numbers (" + NON_GEOGRAPHIC + "): " + (allowsCountry(NON_GEOGRAPHIC) ? "allowed"
                        : "refused"),
                "refused number types: " + (refusedTypes.isEmpty() ? "none" : sorted(refusedTypes)),
                "voice calls: " + (voice ? "on" : "off"),
                "letters in numbers: " + (keypadLetters ? "read as keypad digits" : "refused"),
                "via by country: " + sorted(viaByCountry.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().claim()))),
                "code length by country: " + sorted(codeLengthByCountry),
                "locale by country: " + sorted(localeByCountry));
    }

    private static String sorted(Set<?> values) {
        return String.join(", ", values.stream().map(String::valueOf).sorted().toList());
    }

    private static String sorted(Map<String, ?> values) {
        return values.isEmpty() ? "none" : String.join(", ", values.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList());
    }

    @Override
    public String toString() {
        return "VerificationPolicy" + describe();
    }
}
