package dev.verifytoken.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The developer page driven in Debian's headless Chromium by playwright-core ({@code
 * src/test/browser/developer-page.mjs}). Without Chromium or the script's node_modules it is skipped on a developer's
 * machine and fails in CI (.ci/run installs both).
 */
final class DeveloperPageBrowser {

    private static final Path SCRIPT = Path.of("src", "test", "browser", "developer-page.mjs");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private DeveloperPageBrowser() {
    }

    /**
     * Runs every check of the script against the page at this address, its screenshots in target/screenshots/name.
     *
     * @return what the script printed, one line per check
     */
    static String check(String base, String name) throws IOException, InterruptedException {
        Path modules = SCRIPT.getParent().resolve("node_modules").resolve("playwright-core");
        boolean ready = Files.isExecutable(CHROMIUM) && Files.isDirectory(modules) && node();
        if (!ready && System.getenv("CI") == null) {
            assumeTrue(false, "needs node, " + CHROMIUM + " and `npm ci --prefix src/test/browser`");
        }
        assertTrue(ready, "CI must provide node, " + CHROMIUM + " and src/test/browser/node_modules");

        Path screenshots = Path.of("target", "screenshots", name).toAbsolutePath();
        Files.createDirectories(screenshots);
        Path log = screenshots.resolve("browser-test.log");
        ProcessBuilder command = new ProcessBuilder("node", SCRIPT.toString(), base)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        command.environment().put("SCREENSHOT_DIR", screenshots.toString());
        command.environment().put("CHROMIUM", CHROMIUM.toString());
        Process browser = command.start();
        if (!browser.waitFor(3, TimeUnit.MINUTES)) {
            browser.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertEquals(0, browser.exitValue(), output);
        for (String screenshot : new String[]{"developer-page-token.png", "developer-page-problem.png",
                "developer-page-phone.png"}) {
            assertTrue(Files.size(screenshots.resolve(screenshot)) > 10_000, screenshot);
        }
        return output;
    }

    private static boolean node() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
