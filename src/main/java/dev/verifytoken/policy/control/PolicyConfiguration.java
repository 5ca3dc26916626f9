package dev.verifytoken.policy.control;

import dev.verifytoken.configuration.control.ServiceNotConfiguredException;
import dev.verifytoken.configuration.control.SettingsCheck;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.policy.entity.VerificationPolicy;
import dev.verifytoken.token.control.TokenConfiguration;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.logging.Logger;

/** The verification policy in force, read ({@link PolicyReader}) and checked when the application starts. */
@ApplicationScoped
public class PolicyConfiguration implements SettingsCheck {

    private static final Logger LOG = Logger.getLogger(PolicyConfiguration.class.getName());

    @Inject
    PhoneNumberNormalizer phoneNumbers;

    @Inject
    TokenConfiguration tokens;

    private VerificationPolicy policy;
    private List<ConfigurationProblem> problems = List.of();

    @PostConstruct
    void read() {
        Config config = ConfigProvider.getConfig();
        PolicyReader.Result result = new PolicyReader(phoneNumbers).read(
                name -> config.getOptionalValue(name, String.class), config.getPropertyNames(), tokens.defaultVia());
        policy = result.policy();
        problems = result.problems();
        if (result.valid()) {
            LOG.info(() -> "Verification policy: " + String.join("; ", policy.describe()));
        }
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
