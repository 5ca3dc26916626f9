package dev.verifytoken.policy.control;

import dev.verifytoken.configuration.control.ServiceNotConfiguredException;
import dev.verifytoken.configuration.control.SettingsCheck;
import dev.verifytoken.configuration.control.SettingsReader;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.policy.entity.VerificationPolicy;
import dev.verifytoken.token.entity.TokenRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.logging.Logger;

/** The verification policy in force, read ({@link PolicyReader}) and checked when the application starts. */
@ApplicationScoped
public class PolicyConfiguration implements SettingsCheck {

    private static final Logger LOG = Logger.getLogger(PolicyConfiguration.class.getName());

    private VerificationPolicy policy;
    private List<ConfigurationProblem> problems = List.of();

    /** For CDI's proxy. */
    protected PolicyConfiguration() {
    }

    @Inject
    public PolicyConfiguration(Config config, PhoneNumberNormalizer phoneNumbers) {
        PolicyReader.Result result = new PolicyReader(phoneNumbers).read(SettingsReader.of(config));
        policy = result.policy();
        problems = result.problems();
        if (result.valid()) {
            LOG.info(() -> "Verification policy: " + String.join("; ", policy.describe()));
        }
    }

    /**
     * The request with the policy applied: refused (403) as the policy says, its {@code via}, {@code code_length} and
     * {@code locale} settled for the number's country ({@link PolicyEnforcer}).
     */
    public TokenRequest apply(TokenRequest request, String acceptLanguage) {
        return PolicyEnforcer.apply(policy(), request, acceptLanguage);
    }

    /** The policy; refuses with 503 when it is wrong. */
    public VerificationPolicy policy() {
        if (policy == null) {
            throw new ServiceNotConfiguredException(problems);
        }
        return policy;
    }

    @Override
    public List<ConfigurationProblem> problems() {
        return problems;
    }
}
