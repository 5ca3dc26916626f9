package dev.verifytoken.issuance.control;

import dev.verifytoken.token.entity.TokenSettings;
import dev.verifytoken.phone.control.InvalidPhoneNumberException;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.phone.entity.E164Number;
import dev.verifytoken.problem.control.InvalidRequestException;
import dev.verifytoken.problem.entity.FieldError;
import dev.verifytoken.token.entity.TokenRequest;
import dev.verifytoken.issuance.entity.TokenRequestFields;
import dev.verifytoken.token.entity.VerificationLocale;
import dev.verifytoken.token.entity.Via;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the fields of a token request and turns them into a {@link TokenRequest}: the number into
 * E.164, {@code country}, {@code locale} and {@code via} into their allowed values. Every bad field is
 * reported at once.
 */
@ApplicationScoped
public class TokenRequestValidator {

    private PhoneNumberNormalizer phoneNumbers;

    protected TokenRequestValidator() {
    }

    @Inject
    public TokenRequestValidator(PhoneNumberNormalizer phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
    }

    /** Checks the fields, refusing numbers with letters. */
    public TokenRequest validate(TokenRequestFields fields, TokenSettings settings) {
        return validate(fields, settings, false);
    }

    /**
     * @param keypadLetters whether the policy reads letters in a number as the keypad's digits (vanity numbers)
     */
    public TokenRequest validate(TokenRequestFields body, TokenSettings settings, boolean keypadLetters) {
        TokenRequestFields fields = body.readable();
        List<FieldError> errors = new ArrayList<>(2);

        String region = settings.defaultRegion().orElse(null);
        if (fields.country() != null) {
            region = phoneNumbers.knownRegion(fields.country()).orElse(null);
            if (region == null) {
                errors.add(new FieldError(TokenRequestFields.COUNTRY, "unknown_country",
                        "must be an ISO 3166-1 alpha-2 country code with phone numbers, such as US or GB"));
            }
        }

        E164Number number = null;
        try {
            number = phoneNumbers.normalize(fields.phoneNumber(), region, keypadLetters);
        } catch (InvalidPhoneNumberException e) {
            errors.add(0, new FieldError(TokenRequestFields.PHONE_NUMBER, e.refusal().code(), e.detail()));
        }

        Via via = null;
        if (fields.via() != null) {
            via = Via.parse(fields.via()).orElse(null);
            if (via == null) {
                errors.add(new FieldError(TokenRequestFields.VIA, "unknown_via", Via.RULE));
            }
        }

        VerificationLocale locale = null;
        if (fields.locale() != null) {
            locale = VerificationLocale.parse(fields.locale()).orElse(null);
            if (locale == null) {
                errors.add(new FieldError(TokenRequestFields.LOCALE, "unsupported_locale", VerificationLocale.RULE));
            }
        }

        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return TokenRequest.forNumber(number).withVia(via).withLocale(locale);
    }
}
