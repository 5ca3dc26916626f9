package dev.verifytoken.it;

import dev.verifytoken.token.control.TestKeys;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
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
@Tag(PayaraMicroProcess.OWN_SERVER)
class UnconfiguredServiceIT {

    private static final String SHORT_KEY = "too-short-to-be-a-key";
    /** The key and the app id swapped by mistake: the key is in APP_ID, and must show nowhere. */
    private static final String KEY_IN_APP_ID = TestKeys.randomKey();

    private static PayaraMicroProcess server;

    @BeforeAll
    static void start() {
        Map<String, String> environment = new HashMap<>();
        environment.put("AUTHY_API_KEY", SHORT_KEY);
        environment.put("APP_ID", KEY_IN_APP_ID);
        environment.put("POLICY_COUNTRIES_ALLOW", "US,XX");
        environment.put("POLICY_NUMBER_TYPES_REFUSED", "PREMIUM_RATE,BOGUS");
        environment.put("DEVELOPER_PAGE_ENABLED", "no");
        environment.put("RATELIMIT_TRUSTED_PROXIES", "a.0.0.0/8");
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
        assertHas(configuration, "policy.countries.allow (POLICY_COUNTRIES_ALLOW) has an item (number 2) that is not"
                + " an ISO 3166-1 alpha-2 country code");
        assertHas(configuration, "policy.number-types.refused (POLICY_NUMBER_TYPES_REFUSED) has an item (number 2)"
                + " that is not a number type");
        assertHas(configuration, "developer-page.enabled (DEVELOPER_PAGE_ENABLED) must be true or false");
        assertHas(configuration, "ratelimit.trusted-proxies (RATELIMIT_TRUSTED_PROXIES) has an item (number 1) that"
                + " is not an IP address");
        assertFalse(response.body().contains(SHORT_KEY), "the key is never in an answer");
        assertFalse(response.body().contains(KEY_IN_APP_ID), "nor a key given as the app id");
        assertFalse(response.body().contains("BOGUS"), "no value is quoted");
        assertFalse(response.body().contains("jwt_token"));
        // a server error: logged with a request id that the answer carries
        String requestId = problem.getString("request_id");
        assertTrue(requestId.matches("[0-9a-f]{16}"), requestId);
        server.awaitInLog("Request " + requestId + " answered 503: not-configured", java.time.Duration.ofSeconds(10));
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
        assertFalse(ready.body().contains(KEY_IN_APP_ID));
        assertEquals(404, http.get("/verify/info").statusCode(), "a bad value of the page switch leaves it off");
        assertEquals(404, http.get("/").statusCode());

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
        assertTrue(log.contains("Configuration problem: policy.countries.allow (POLICY_COUNTRIES_ALLOW) has an item"),
                log);
        assertFalse(log.contains(SHORT_KEY), "the key is never logged");
        assertFalse(log.contains(KEY_IN_APP_ID), "nor a key given as the app id");
    }
}
