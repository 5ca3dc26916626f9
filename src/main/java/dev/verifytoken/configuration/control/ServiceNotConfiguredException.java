package dev.verifytoken.configuration.control;

import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.problem.control.ProblemException;
import dev.verifytoken.problem.entity.Problem;
import dev.verifytoken.problem.entity.ProblemType;

import java.util.List;

/**
 * The service cannot sign because its configuration is missing or wrong: 503. The answer names the
 * properties and their rules (never a value of the key) so that an operator can act on it.
 */
public class ServiceNotConfiguredException extends ProblemException {

    private final List<ConfigurationProblem> problems;

    public ServiceNotConfiguredException(List<ConfigurationProblem> problems) {
        super("not_configured", "not configured: " + problems.stream().map(ConfigurationProblem::property).toList());
        this.problems = List.copyOf(problems);
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.NOT_CONFIGURED,
                        "The service cannot issue tokens until its configuration is corrected.")
                .withExtension("configuration", problems.stream().map(ConfigurationProblem::toString).toList());
    }
}
