package dev.verifytoken.policy.control;

import dev.verifytoken.problem.control.ProblemException;
import dev.verifytoken.problem.entity.Problem;

/** The policy refuses a token for this number: 403, naming the country and, where it matters, the type. */
public class PolicyRefusalException extends ProblemException {

    /** Why: each is its own problem type. */
    public enum Reason {
        COUNTRY_REFUSED("country-refused", "Country not allowed"),
        NUMBER_TYPE_REFUSED("number-type-refused", "Number type not allowed"),
        DELIVERY_IMPOSSIBLE("delivery-impossible", "No allowed way to deliver a code");

        private final String type;
        private final String title;

        Reason(String type, String title) {
            this.type = type;
            this.title = title;
        }
    }

    private final Reason reason;
    private final String detail;
    private final String country;
    private final String numberType;

    public PolicyRefusalException(Reason reason, String detail, String country, String numberType) {
        super("policy", reason.type + " " + country);
        this.reason = reason;
        this.detail = detail;
        this.country = country;
        this.numberType = numberType;
    }

    @Override
    public Problem problem() {
        Problem problem = Problem.of(reason.type, 403, reason.title, detail).withExtension("country", country);
        return numberType == null ? problem : problem.withExtension("number_type", numberType);
    }
}
