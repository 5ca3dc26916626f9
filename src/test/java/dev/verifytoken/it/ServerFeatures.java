package dev.verifytoken.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The optional MicroProfile APIs of the server the Maven profile tests on (Jakarta EE and MicroProfile Config
 * are everywhere). A test of a feature the server lacks is skipped with the reason; the rest of the service
 * must work the same there.
 */
final class ServerFeatures {

    private ServerFeatures() {
    }

    static void assumeHealth() {
        assumeTrue(has("it.mp-health"), "this server has no MicroProfile Health: there are no /health endpoints");
    }

    static void assumeMetrics() {
        assumeTrue(has("it.mp-metrics"), "this server has no MicroProfile Metrics: the service runs without token metrics");
    }

    static void assumeOpenApi() {
        assumeTrue(has("it.mp-openapi"), "this server has no MicroProfile OpenAPI: there is no /openapi document");
    }

    private static boolean has(String property) {
        return Boolean.parseBoolean(System.getProperty(property, "true"));
    }
}
