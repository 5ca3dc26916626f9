package dev.verifytoken.phone.control;

import dev.verifytoken.phone.entity.PhoneNumberRefusal;

/**
 * A typed phone number that cannot become E.164. The message never contains the number itself.
 */
public class InvalidPhoneNumberException extends Exception {

    private final PhoneNumberRefusal refusal;
    private final String detail;

    public InvalidPhoneNumberException(PhoneNumberRefusal refusal) {
        this(refusal, refusal.message());
    }

    public InvalidPhoneNumberException(PhoneNumberRefusal refusal, String detail) {
        super(refusal.code() + ": " + detail, null, false, false);
        this.refusal = refusal;
        this.detail = detail;
    }

    public PhoneNumberRefusal refusal() {
        return refusal;
    }

    public String detail() {
        return detail;
    }
}
