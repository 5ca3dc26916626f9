package dev.verifytoken.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server whose key is missing and whose app id is wrong deploys the WAR, says what is wrong in its log,
 * and answers every token request with 503 problem+json: it never signs.
 */
class UnconfiguredServiceIT {

    private static final String SHORT_KEY = "too-short-to-be-a-key";

    private static PayaraMicroProcess server;

    @BeforeAll
    static void start() {
        Map<String, String> environment = new HashMap<>();
        environment.put("AUTHY_API_KEY", SHORT_KEY);
        environment.put("APP_ID", "twelve");
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
        String configuration = problem.getJsonArray("configuration").toString();
        assertTrue(configuration.contains("authy.api.key (AUTHY_API_KEY) is too short"), configuration);
        assertTrue(configuration.contains("app.id (APP_ID) must be a positive whole number"), configuration);
        assertFalse(response.body().contains(SHORT_KEY), "the key is never in an answer");
        assertFalse(response.body().contains("jwt_token"));
    }

    @Test
    void logsEachProblemWithoutTheKey() {
        String log = server.log();
        assertTrue(log.contains("Configuration problem: authy.api.key (AUTHY_API_KEY) is too short"), log);
        assertTrue(log.contains("Configuration problem: app.id (APP_ID)"), log);
        assertFalse(log.contains(SHORT_KEY), "the key is never logged");
    }
}
