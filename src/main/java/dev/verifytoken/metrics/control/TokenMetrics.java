package dev.verifytoken.metrics.control;

import dev.verifytoken.issuance.entity.TokenOutcome;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Counts tokens issued (by country and {@code via}) and refused (by reason), and times token creation,
 * with MicroProfile Metrics when the server provides it (Payara Micro 6 and 7 do; WildFly 38 and servers of
 * the MicroProfile 7 platform without it do not). Without it the application runs the same, without them.
 */
@ApplicationScoped
public class TokenMetrics {

    private static final Logger LOG = Logger.getLogger(TokenMetrics.class.getName());

    @Inject
    Instance<MetricsRecorder> recorders;

    private MetricsRecorder recorder = MetricsRecorder.NONE;

    @PostConstruct
    void choose() {
        if (recorders.isResolvable()) {
            recorder = recorders.get();
        } else {
            LOG.info("MicroProfile Metrics is not available on this server: token metrics are off.");
        }
    }

    void record(@Observes TokenOutcome outcome) {
        recorder.record(outcome);
    }
}
