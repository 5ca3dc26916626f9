package dev.verifytoken.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The developer page at /: plain files from the WAR, its data at /verify/info, and a real browser
 * (Debian's headless Chromium driven by playwright-core, {@code src/test/browser/developer-page.mjs}) that
 * loads it, asks for a token, reads the claims, asks with a bad number and reads the problem. Screenshots
 * are kept in target/screenshots. Without Chromium or the script's node_modules the browser test is skipped
 * on a developer's machine and fails in CI (.ci/run installs both).
 */
class DeveloperPageIT extends DeployedServiceCase {

    @Test
    void servesThePageWithNothingFromElsewhere() {
        HttpResponse<String> page = http.get("/");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("<form id=\"token-form\""));
        assertFalse(page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "no resource from another host");
        assertEquals(200, http.get("/developer/app.js").statusCode());
        assertEquals(200, http.get("/developer/style.css").statusCode());
    }

    @Test
    void describesTheServiceWithoutSecrets() {
        HttpResponse<String> response = http.get("/verify/info");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject info = Http.json(response);
        assertTrue(info.getBoolean("ready"));
        assertEquals(ServerConfigFile.appId(), info.getJsonNumber("app_id").longValueExact());
        assertEquals(3600, info.getInt("token_lifetime_seconds"));
        assertTrue(info.getJsonArray("policy").toString().contains("RU"), info.toString());
        assertFalse(response.body().contains(ServerConfigFile.key()));
    }

    @Test
    void aDeveloperCanTryANumberInARealBrowser() throws Exception {
        String output = DeveloperPageBrowser.check(base.toExternalForm(), "deployed");
        assertTrue(output.contains("ok - the normalised number is E.164"), output);
        assertTrue(output.contains("ok - the page says development mode exactly when the service runs in it (false)"),
                output);
    }

    @Test
    void saysWhetherItSignsWithAThrowawayKey() {
        assertFalse(Http.json(http.get("/verify/info")).getBoolean("development_mode"), "the tests' server has a key");
    }
}
