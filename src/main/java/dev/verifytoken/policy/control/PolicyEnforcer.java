package dev.verifytoken.policy.control;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import dev.verifytoken.phone.entity.E164Number;
import dev.verifytoken.policy.entity.VerificationPolicy;
import dev.verifytoken.problem.entity.ProblemType;
import dev.verifytoken.token.entity.TokenRequest;
import dev.verifytoken.token.entity.VerificationLocale;
import dev.verifytoken.token.entity.Via;

import java.util.Locale;
import java.util.Optional;

/**
 * Applies the verification policy to a checked request, after the number is parsed and before a token
 * is signed: refuses what the policy refuses (403), and settles {@code via}, {@code code_length} and
 * {@code locale} for the number's country.
 * <ul>
 * <li>{@code via}: the country's fixed method, else the request's; a fixed-line number cannot receive
 * SMS, so it gets {@code call} (or is refused when voice is off, or SMS is the country's only method).</li>
 * <li>{@code code_length}: the country's, else the configured default.</li>
 * <li>{@code locale}: the request's, else the best supported match of {@code Accept-Language}, else the
 * country's, else the configured default, else none (Twilio detects it).</li>
 * </ul>
 */
public final class PolicyEnforcer {

    private PolicyEnforcer() {
    }

    public static TokenRequest apply(VerificationPolicy policy, TokenRequest request, String acceptLanguage) {
        E164Number number = request.phoneNumber();
        String country = number.region();
        if (!policy.allowsCountry(country)) {
            throw new PolicyRefusalException(ProblemType.COUNTRY_REFUSED, VerificationPolicy.NON_GEOGRAPHIC.equals(country)
                    ? "Tokens are not issued for non-geographic numbers (satellite phones, international networks)."
                    : "Tokens are not issued for numbers of " + country + ".", country, null);
        }
        PhoneNumberType type = number.type();
        if (policy.refusesType(type)) {
            throw new PolicyRefusalException(ProblemType.NUMBER_TYPE_REFUSED, "Tokens are not issued for "
                    + typeName(type) + " numbers.", country, type.name());
        }
        TokenRequest decided = request.withVia(via(policy, request, country, type))
                .withLocale(request.locale()
                        .or(() -> VerificationLocale.bestMatch(acceptLanguage))
                        .or(() -> policy.locale(country))
                        .orElse(null));
        Optional<Integer> codeLength = policy.codeLength(country);
        return codeLength.isPresent() ? decided.withCodeLength(codeLength.get()) : decided;
    }

    private static Via via(VerificationPolicy policy, TokenRequest request, String country, PhoneNumberType type) {
        Optional<Via> fixed = policy.via(country);
        Via via = fixed.or(request::via).orElse(null);
        if (type == PhoneNumberType.FIXED_LINE) {
            if (!policy.voice()) {
                throw new PolicyRefusalException(ProblemType.DELIVERY_IMPOSSIBLE, "A fixed-line number cannot receive "
                        + "SMS, and voice calls are turned off.", country, type.name());
            }
            if (fixed.orElse(null) == Via.SMS) {
                throw new PolicyRefusalException(ProblemType.DELIVERY_IMPOSSIBLE, "A fixed-line number cannot receive "
                        + "SMS, and SMS is the only method for " + country + ".", country, type.name());
            }
            return Via.CALL;
        }
        if (via == Via.CALL && !policy.voice()) {
            throw new PolicyRefusalException(ProblemType.DELIVERY_IMPOSSIBLE, "Voice calls are turned off; ask for sms.",
                    country, null);
        }
        return via;
    }

    private static String typeName(PhoneNumberType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
