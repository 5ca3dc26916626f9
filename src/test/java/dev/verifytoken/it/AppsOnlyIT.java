package dev.verifytoken.it;

import dev.verifytoken.token.control.TestKeys;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deployment with the apps of {@code apps} and no default key (environment variables only, as on a container
 * platform): {@code POST /verify/token} is 404, readiness is UP; the per-number limit counts per app, the
 * per-client limit across apps.
 */
@Tag(PayaraMicroProcess.OWN_SERVER)
class AppsOnlyIT {

    private static PayaraMicroProcess server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = PayaraMicroProcess.start("it-apps-only", Map.of(
                "APPS", "ios,android-staging",
                "APPS_IOS_API_KEY", TestKeys.randomKey(), "APPS_IOS_APP_ID", "11",
                "APPS_ANDROID_STAGING_API_KEY", TestKeys.randomKey(), "APPS_ANDROID_STAGING_APP_ID", "22",
                "RATELIMIT_NUMBER", "2/1h",
                "RATELIMIT_CLIENT", "5/1h"));
        http = new Http(server.base());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> token(String app, String number) {
        return http.post("/verify/apps/" + app + "/token", Http.FORM, Http.form("phone_number", number));
    }

    @Test
    void withoutADefaultKeyTheDefaultPathIs404AndTheServiceIsReady() {
        JsonObject problem = Http.problem(http.postForm(Http.form("phone_number", "+14155552671")), 404);
        assertEquals("urn:verify-token:problem:unknown-app", problem.getString("type"));
        HttpResponse<String> ready = http.get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(server.log().contains("No default app (authy.api.key is not set)"));

        // the number limit counts per app; the client limit across apps
        String number = "+14155552671";
        assertEquals(200, token("ios", number).statusCode());
        assertEquals(200, token("ios", number).statusCode());
        HttpResponse<String> third = token("ios", number);
        assertEquals(429, third.statusCode(), third.body());
        assertEquals("phone_number", Http.json(third).getString("limit"));
        assertEquals(200, token("android-staging", number).statusCode(), "another app's users are not held back");
        assertEquals(200, token("android-staging", number).statusCode());
        HttpResponse<String> client = token("android-staging", "+447400123456");
        assertEquals(429, client.statusCode(), client.body());
        assertEquals("client", Http.json(client).getString("limit"), "5 requests from this client in all apps");
        assertEquals("client", Http.json(token("ios", "+447400123457")).getString("limit"));
        server.awaitInLog("app=android-staging", Duration.ofSeconds(10)); // the audit line names the app
    }
}
