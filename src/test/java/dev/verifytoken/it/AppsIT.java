package dev.verifytoken.it;

import dev.verifytoken.token.control.IssuedTokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several Authy apps from one deployment, over HTTP: the default app at /verify/token and two apps of {@code apps}
 * at /verify/apps/&lt;name&gt;/token, each token signed with its own app's key and carrying its app id and defaults;
 * an unknown app is 404; a broken app (its app id wrong, its key missing) refuses its own tokens and leaves the
 * others serving.
 */
class AppsIT extends DeployedServiceCase {

    private static final String NUMBER = "phone_number=%2B14155552671";

    private JsonObject tokenOf(String path, String key) throws Exception {
        HttpResponse<String> response = http.post(path, Http.FORM, NUMBER);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return IssuedTokens.verifiedClaims(Http.json(response).getString("jwt_token"), key);
    }

    @Test
    void eachAppSignsWithItsOwnKeyAndCarriesItsOwnAppId() throws Exception {
        JsonObject defaultClaims = tokenOf("/verify/token", ServerConfigFile.key());
        IssuedTokens.assertInteger(ServerConfigFile.appId(), defaultClaims.get("app_id"));

        JsonObject ios = tokenOf("/verify/apps/ios/token", ServerConfigFile.IOS_KEY);
        IssuedTokens.assertInteger(ServerConfigFile.IOS_APP_ID, ios.get("app_id"));
        assertEquals(3600, ios.getJsonNumber("exp").longValue() - ios.getJsonNumber("iat").longValue(),
                "the global lifetime");

        JsonObject android = tokenOf("/verify/apps/android-staging/token", ServerConfigFile.ANDROID_KEY);
        IssuedTokens.assertInteger(ServerConfigFile.ANDROID_APP_ID, android.get("app_id"));
        IssuedTokens.assertInteger(8, android.get("code_length"));
        assertEquals(300, android.getJsonNumber("exp").longValue() - android.getJsonNumber("iat").longValue(),
                "its own lifetime");
    }

    @Test
    void aTokenOfOneAppDoesNotVerifyWithAnothersKey() {
        String token = Http.json(http.post("/verify/apps/ios/token", Http.FORM, NUMBER)).getString("jwt_token");
        assertThrows(AssertionError.class, () -> IssuedTokens.verifiedClaims(token, ServerConfigFile.key()));
        assertThrows(AssertionError.class, () -> IssuedTokens.verifiedClaims(token, ServerConfigFile.ANDROID_KEY));
    }

    @Test
    void takesJsonBodiesAndAnswersProblemsLikeTheDefaultApp() {
        HttpResponse<String> json = http.post("/verify/apps/ios/token", "application/json",
                "{\"phone_number\":\"+44 7400 123456\",\"via\":\"call\"}");
        assertEquals(200, json.statusCode(), json.body());
        JsonObject invalid = Http.problem(http.post("/verify/apps/ios/token", Http.FORM, "phone_number=12"), 400);
        assertEquals("urn:verify-token:problem:invalid-request", invalid.getString("type"));
        Http.problem(http.post("/verify/apps/ios/token", "text/plain", NUMBER), 415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nosuch", "default", "IOS", "ios%20", "a-very-long-name-that-no-app-could-ever-have-here"})
    void anAppNotServedHereIs404(String app) {
        HttpResponse<String> response = http.post("/verify/apps/" + app + "/token", Http.FORM, NUMBER);
        JsonObject problem = Http.problem(response, 404);
        assertEquals("urn:verify-token:problem:unknown-app", problem.getString("type"));
        assertFalse(response.body().contains(app), "the name asked for is not repeated");
    }

    @Test
    void aBrokenAppRefusesItsOwnTokensNamingItsPropertiesAndTheOthersGoOn() throws Exception {
        HttpResponse<String> broken = http.post("/verify/apps/broken/token", Http.FORM, NUMBER);
        JsonObject problem = Http.problem(broken, 503);
        assertEquals("urn:verify-token:problem:not-configured", problem.getString("type"));
        List<String> configuration = problem.getJsonArray("configuration").getValuesAs(JsonValue::toString);
        assertTrue(configuration.stream().anyMatch(p -> p.contains("apps.broken.api-key (APPS_BROKEN_API_KEY)")),
                configuration.toString());
        assertTrue(configuration.stream().anyMatch(p -> p.contains("apps.broken.app-id")), configuration.toString());
        assertFalse(broken.body().contains("not-a-number"), "no value is quoted");

        tokenOf("/verify/token", ServerConfigFile.key());
        tokenOf("/verify/apps/ios/token", ServerConfigFile.IOS_KEY);
    }

    @Test
    void theDeveloperInfoListsEveryAppAndNoKey() {
        HttpResponse<String> response = http.get("/verify/info");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject info = Http.json(response);
        assertTrue(info.getBoolean("ready"), "a broken app beside working ones leaves the service ready");
        List<JsonObject> apps = info.getJsonArray("apps").getValuesAs(JsonObject.class);
        assertEquals(List.of("default", "ios", "android-staging", "broken"),
                apps.stream().map(a -> a.getString("name")).toList());
        assertEquals("/verify/apps/ios/token", apps.get(1).getString("path"));
        assertEquals(ServerConfigFile.IOS_APP_ID, apps.get(1).getJsonNumber("app_id").longValueExact());
        assertFalse(apps.get(3).getBoolean("ready"));
        for (String key : List.of(ServerConfigFile.key(), ServerConfigFile.IOS_KEY, ServerConfigFile.ANDROID_KEY)) {
            assertFalse(response.body().contains(key), "no key");
        }
    }

    @Test
    void readinessStaysUpAndListsTheBrokenAppsProblems() {
        ServerFeatures.assumeHealth();
        String management = System.getProperty("it.management.url", "");
        Http health = management.isBlank() ? http : new Http(toUrl(management));
        HttpResponse<String> ready = health.get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("apps.broken.app-id"), ready.body());
        assertTrue(ready.body().contains("not ready"), ready.body());
    }

    private static java.net.URL toUrl(String url) {
        try {
            return java.net.URI.create(url).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
