package dev.verifytoken.policy.control;

import dev.verifytoken.problem.control.ProblemException;
import dev.verifytoken.problem.entity.Problem;
import dev.verifytoken.problem.entity.ProblemType;

/**
 * The policy refuses a token for this number: 403, naming the country and, where it matters, the type. The problem
 * type says why: {@code COUNTRY_REFUSED}, {@code NUMBER_TYPE_REFUSED} or {@code DELIVERY_IMPOSSIBLE}.
 */
public class PolicyRefusalException extends ProblemException {

    private final ProblemType type;
    private final String detail;
    private final String country;
    private final String numberType;

    public PolicyRefusalException(ProblemType type, String detail, String country, String numberType) {
        super("policy", type.shortName() + " " + country);
        this.type = type;
        this.detail = detail;
        this.country = country;
        this.numberType = numberType;
    }

    @Override
    public Problem problem() {
        Problem problem = Problem.of(type, detail).withExtension("country", country);
        return numberType == null ? problem : problem.withExtension("number_type", numberType);
    }
}
