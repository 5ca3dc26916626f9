package dev.verifytoken.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server whose key is too short, whose app id is wrong and whose policy names an unknown country and an
 * unknown number type deploys the WAR, says what is wrong in its log, and answers every token request with
 * 503 problem+json naming each property and rule: it never signs.
 */
class UnconfiguredServiceIT {

    private static final String SHORT_KEY = "too-short-to-be-a-key";

    private static PayaraMicroProcess server;

    @BeforeAll
    static void start() {
        Map<String, String> environment = new HashMap<>();
        environment.put("AUTHY_API_KEY", SHORT_KEY);
        environment.put("APP_ID", "twelve");
        environment.put("POLICY_COUNTRIES_ALLOW", "US,XX");
        environment.put("POLICY_NUMBER_TYPES_REFUSED", "PREMIUM_RATE,BOGUS");
        server = PayaraMicroProcess.start("it-unconfigured", environment);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answers503NamingEachPropertyAndRule() {
        HttpResponse<String> response = new Http(server.base()).postForm("phone_number=%2B14155552671");
        assertEquals(503, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow()
                .split(";")[0]);
        JsonObject problem = Http.json(response);
        List<String> configuration = problem.getJsonArray("configuration").getValuesAs(JsonString::getString);
        assertHas(configuration, "authy.api.key (AUTHY_API_KEY) is too short");
        assertHas(configuration, "app.id (APP_ID) must be a positive whole number");
        assertHas(configuration, "policy.countries.allow (POLICY_COUNTRIES_ALLOW) lists \"XX\", which is not an"
                + " ISO 3166-1 alpha-2 country code");
        assertHas(configuration, "policy.number-types.refused (POLICY_NUMBER_TYPES_REFUSED) lists \"BOGUS\", which"
                + " is not a number type");
        assertFalse(response.body().contains(SHORT_KEY), "the key is never in an answer");
        assertFalse(response.body().contains("jwt_token"));
    }

    @Test
    void isAliveButNotReadyAndSaysWhy() {
        Http http = new Http(server.base());
        HttpResponse<String> ready = http.get("/health/ready");
        assertEquals(503, ready.statusCode(), ready.body());
        JsonObject health = Http.json(ready);
        assertEquals("DOWN", health.getString("status"));
        JsonObject check = health.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("verify-token-configuration")).findFirst().orElseThrow();
        assertEquals("DOWN", check.getString("status"));
        String data = check.getJsonObject("data").toString();
        assertTrue(data.contains("authy.api.key (AUTHY_API_KEY) is too short"), data);
        assertTrue(data.contains("restart"), data);
        assertFalse(ready.body().contains(SHORT_KEY));

        HttpResponse<String> live = http.get("/health/live");
        assertEquals(200, live.statusCode(), live.body());
    }

    private static void assertHas(List<String> problems, String start) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(start)), start + " in " + problems);
    }

    @Test
    void logsEachProblemWithoutTheKey() {
        String log = server.log();
        assertTrue(log.contains("Configuration problem: authy.api.key (AUTHY_API_KEY) is too short"), log);
        assertTrue(log.contains("Configuration problem: app.id (APP_ID)"), log);
        assertTrue(log.contains("Configuration problem: policy.countries.allow (POLICY_COUNTRIES_ALLOW) lists \"XX\""),
                log);
        assertFalse(log.contains(SHORT_KEY), "the key is never logged");
    }
}
