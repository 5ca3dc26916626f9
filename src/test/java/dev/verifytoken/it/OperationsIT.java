package dev.verifytoken.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health and metrics of a correctly configured service, as an operator's probes and scraper see them.
 * Health is on the application's port on Payara Micro and Open Liberty and on the management port on WildFly
 * ({@code it.management.url}); GlassFish 7.0 has no MicroProfile Health. Token metrics need MicroProfile
 * Metrics, which Payara Micro and Open Liberty provide and WildFly and GlassFish do not: there the service
 * runs without them ({@link ServerFeatures}).
 */
class OperationsIT extends DeployedServiceCase {

    private Http health;

    @BeforeEach
    void managementClient() throws Exception {
        String management = System.getProperty("it.management.url", "");
        health = management.isBlank() ? http : new Http(java.net.URI.create(management).toURL());
    }

    @Test
    void isReadyWhenConfigured() {
        ServerFeatures.assumeHealth();
        HttpResponse<String> ready = health.get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject health = Http.json(ready);
        assertEquals("UP", health.getString("status"));
        assertTrue(health.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .anyMatch(c -> c.getString("name").equals("verify-token-configuration")
                        && c.getString("status").equals("UP")), health.toString());
    }

    @Test
    void issuesTokensWhetherOrNotTheServerHasMetrics() {
        assertEquals(200, http.postForm(Http.form("phone_number", "+14155552671")).statusCode());
    }

    @Test
    void saysWhereTheRateLimitBucketsAre() {
        ServerFeatures.assumeHealth();
        HttpResponse<String> ready = health.get("/health/ready");
        JsonObject store = Http.json(ready).getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("verify-token-rate-limit-store")).findFirst()
                .orElseThrow(() -> new AssertionError(ready.body()));
        assertEquals("UP", store.getString("status"));
        String expected = ServerConfigFile.redisUrl().map(url -> "redis " + url + "/0").orElse("local");
        assertEquals(expected, store.getJsonObject("data").getString("store"), ready.body());
        assertEquals(Boolean.toString(ServerConfigFile.redisUrl().isPresent()),
                store.getJsonObject("data").getString("shared"));
    }

    @Test
    void isAlive() {
        ServerFeatures.assumeHealth();
        HttpResponse<String> live = health.get("/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", Http.json(live).getString("status"));
    }

    @Test
    void countsIssuedAndRefusedTokensWithoutNumbers() {
        ServerFeatures.assumeMetrics();
        Map<String, String> usDefault = Map.of("country", "US", "via", "default", "app", "default");
        Map<String, String> gbCall = Map.of("country", "GB", "via", "call", "app", "default");
        Map<String, String> invalidNumber = Map.of("reason", "invalid_number", "app", "default");
        Map<String, String> policy = Map.of("reason", "policy", "app", "default");
        String before = metrics();

        assertEquals(200, http.postForm(Http.form("phone_number", "+14155552671")).statusCode());
        assertEquals(200, http.postForm(Http.form("phone_number", "+14155552672")).statusCode());
        assertEquals(200, http.postForm(Http.form("phone_number", "+447400123456", "via", "call")).statusCode());
        assertEquals(400, http.postForm(Http.form("phone_number", "not a number")).statusCode());
        assertEquals(403, http.postForm(Http.form("phone_number", "+1 900 234 5678")).statusCode());

        String after = metrics();
        assertEquals(2, delta(before, after, "tokens_issued_total", usDefault));
        assertEquals(1, delta(before, after, "tokens_issued_total", gbCall));
        assertEquals(1, delta(before, after, "tokens_refused_total", invalidNumber));
        assertEquals(1, delta(before, after, "tokens_refused_total", policy));
        Map<String, String> ios = Map.of("country", "US", "via", "default", "app", "ios");
        assertEquals(200, http.post("/verify/apps/ios/token", Http.FORM, Http.form("phone_number", "+14155552673"))
                .statusCode());
        assertEquals(1, delta(after, metrics(), "tokens_issued_total", ios), "the app is a label");
        // the timer's count: Payara names it token_creation_count, Open Liberty (Micrometer) with its unit
        double timed = Math.max(PrometheusText.value(after, "token_creation_count", Map.of()),
                PrometheusText.value(after, "token_creation_seconds_count", Map.of()));
        assertTrue(timed >= 3, after);
        // where the rate-limit buckets are: 0 here, where each instance keeps its own
        assertTrue(after.contains("ratelimit_store_shared"), after);
        assertEquals(ServerConfigFile.redisUrl().isPresent() ? 1 : 0,
                PrometheusText.value(after, "ratelimit_store_shared", Map.of()));
        assertFalse(after.contains("4155552671"), "no number in any metric");
        assertFalse(after.contains(ServerConfigFile.key()), "no key in any metric");
    }

    private String metrics() {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/metrics"))
                .header("Accept", "text/plain").GET());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static double delta(String before, String after, String name, Map<String, String> labels) {
        return PrometheusText.value(after, name, labels) - PrometheusText.value(before, name, labels);
    }
}
