package dev.verifytoken.metrics.control;

import dev.verifytoken.issuance.entity.TokenOutcome;

/**
 * Where token metrics go. The implementation that uses MicroProfile Metrics
 * ({@code dev.verifytoken.metrics.microprofile}) is a bean only when the server has that API (see
 * {@code beans.xml}), so that the same WAR deploys on servers without it.
 */
public interface MetricsRecorder {

    MetricsRecorder NONE = outcome -> {
    };

    void record(TokenOutcome outcome);
}
