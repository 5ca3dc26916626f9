package dev.verifytoken.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The developer page at /: plain files from the WAR, its data at /verify/info, and a real browser
 * (Debian's headless Chromium driven by playwright-core, {@code src/test/browser/developer-page.mjs}) that
 * loads it, asks for a token, reads the claims, asks with a bad number and reads the problem. Screenshots
 * are kept in target/screenshots. Without Chromium or the script's node_modules the browser test is skipped
 * on a developer's machine and fails in CI (.ci/run installs both).
 */
class DeveloperPageIT extends DeployedServiceCase {

    private static final Path SCRIPT = Path.of("src", "test", "browser", "developer-page.mjs");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

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
        Path modules = SCRIPT.getParent().resolve("node_modules").resolve("playwright-core");
        boolean ready = Files.isExecutable(CHROMIUM) && Files.isDirectory(modules) && node();
        if (!ready && System.getenv("CI") == null) {
            assumeTrue(false, "needs node, " + CHROMIUM + " and `npm ci --prefix src/test/browser`");
        }
        assertTrue(ready, "CI must provide node, " + CHROMIUM + " and src/test/browser/node_modules");

        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        Path log = Path.of("target", "screenshots", "browser-test.log").toAbsolutePath();
        Files.createDirectories(screenshots);
        ProcessBuilder command = new ProcessBuilder("node", SCRIPT.toString(), base.toExternalForm())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        command.environment().put("SCREENSHOT_DIR", screenshots.toString());
        command.environment().put("CHROMIUM", CHROMIUM.toString());
        Process browser = command.start();
        if (!browser.waitFor(3, TimeUnit.MINUTES)) {
            browser.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertEquals(0, browser.exitValue(), output);
        assertTrue(output.contains("ok - the normalised number is E.164"), output);
        for (String name : List.of("developer-page-token.png", "developer-page-problem.png",
                "developer-page-phone.png")) {
            assertTrue(Files.size(screenshots.resolve(name)) > 10_000, name);
        }
    }

    private static boolean node() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
