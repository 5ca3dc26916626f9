package dev.verifytoken.token.entity;

import dev.verifytoken.phone.entity.E164Number;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a token is made for: a valid E.164 number and the optional choices that override the
 * configured defaults. Each choice is already of a type that can only hold an allowed value.
 */
public final class TokenRequest {

    private final E164Number phoneNumber;
    private final Via via;
    private final VerificationLocale locale;
    private final Integer codeLength;

    private TokenRequest(E164Number phoneNumber, Via via, VerificationLocale locale, Integer codeLength) {
        this.phoneNumber = Objects.requireNonNull(phoneNumber, "phoneNumber");
        if (codeLength != null && !CodeLength.isValid(codeLength)) {
            throw new IllegalArgumentException("code_length " + CodeLength.RULE);
        }
        this.via = via;
        this.locale = locale;
        this.codeLength = codeLength;
    }

    public static TokenRequest forNumber(E164Number phoneNumber) {
        return new TokenRequest(phoneNumber, null, null, null);
    }

    public TokenRequest withVia(Via via) {
        return new TokenRequest(phoneNumber, via, locale, codeLength);
    }

    public TokenRequest withLocale(VerificationLocale locale) {
        return new TokenRequest(phoneNumber, via, locale, codeLength);
    }

    public TokenRequest withCodeLength(Integer codeLength) {
        return new TokenRequest(phoneNumber, via, locale, codeLength);
    }

    public E164Number phoneNumber() {
        return phoneNumber;
    }

    public Optional<Via> via() {
        return Optional.ofNullable(via);
    }

    public Optional<VerificationLocale> locale() {
        return Optional.ofNullable(locale);
    }

    public OptionalInt codeLength() {
        return codeLength == null ? OptionalInt.empty() : OptionalInt.of(codeLength);
    }

    @Override
    public String toString() {
        return "TokenRequest[" + phoneNumber.masked() + ", via=" + via + ", locale=" + locale + ", codeLength="
                + codeLength + "]";
    }
}
