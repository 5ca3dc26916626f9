package dev.verifytoken.problem.control;

import dev.verifytoken.problem.entity.FieldError;
import dev.verifytoken.problem.entity.Problem;
import dev.verifytoken.problem.entity.ProblemType;

import java.util.List;

/** A request whose fields break the contract: 400, naming each bad field and why. */
public class InvalidRequestException extends ProblemException {

    private final List<FieldError> errors;

    /** Reason {@code invalid_number} when the phone number is among the bad fields, else {@code invalid_request}. */
    public InvalidRequestException(List<FieldError> errors) {
        super(errors.stream().anyMatch(e -> "phone_number".equals(e.field())) ? "invalid_number" : "invalid_request",
                "invalid request: " + errors.stream().map(e -> e.field() + " " + e.code()).toList());
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public Problem problem() {
        String detail = errors.size() == 1
                ? "The field " + errors.get(0).field() + " " + errors.get(0).detail() + "."
                : errors.size() + " fields are invalid: see errors.";
        return Problem.of(ProblemType.INVALID_REQUEST, detail).withErrors(errors);
    }
}
