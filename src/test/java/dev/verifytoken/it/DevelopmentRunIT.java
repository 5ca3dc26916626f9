package dev.verifytoken.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./run.sh} as a newcomer meets it, in a copy of the repository: with its port taken it says so in one line
 * before building anything; started, its log holds no stack trace, no certificate and no colour codes, and ends by
 * saying where the service is and that it runs in development mode, which the page and /verify/info say too.
 */
@Tag(DocumentationIT.TAG)
class DevelopmentRunIT {

    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w$.]+\\(.*\\)$", Pattern.MULTILINE);

    private static Process runScript(int port, Path log) throws IOException {
        ProcessBuilder run = new ProcessBuilder("./run.sh").directory(RepositoryCopy.get().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        run.environment().put("PORT", Integer.toString(port));
        run.environment().keySet().removeIf(name -> name.startsWith("AUTHY_") || name.equals("APP_ID"));
        return run.start();
    }

    @Test
    void aTakenPortIsSaidInOneLineBeforeAnythingIsBuilt() throws Exception {
        Path war = RepositoryCopy.get().resolve("target").resolve("verify-token.war");
        long built = Files.exists(war) ? Files.getLastModifiedTime(war).toMillis() : -1;
        Path log = Files.createDirectories(Path.of("target", "development-run")).resolve("port-taken.log");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Process run = runScript(taken.getLocalPort(), log);
            assertTrue(run.waitFor(2, TimeUnit.MINUTES), "./run.sh gives up when its port is taken");
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertNotEquals(0, run.exitValue(), output);
            assertEquals(List.of("Port " + taken.getLocalPort() + " is in use (another server?): stop it, or choose"
                    + " another port, e.g. PORT=9090 ./run.sh"), output.strip().lines().toList());
        }
        assertEquals(built, Files.exists(war) ? Files.getLastModifiedTime(war).toMillis() : -1, "nothing was built");
    }

    @Test
    void startsQuietlyAndSaysLastThatItRunsInDevelopmentMode() throws Exception {
        int port = PayaraMicroProcess.freePort();
        Path log = Files.createDirectories(Path.of("target", "development-run")).resolve("run.log");
        Process run = runScript(port, log);
        try {
            await("./run.sh saying it is ready; see " + log).atMost(Duration.ofMinutes(6))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        if (!run.isAlive()) {
                            throw new AssertionError("./run.sh exited with " + run.exitValue() + ": "
                                    + Files.readString(log));
                        }
                        return Files.readString(log).contains("For real tokens");
                    });
            String output = Files.readString(log, StandardCharsets.UTF_8);
            List<String> lines = output.lines().toList();
            int lastMention = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("DEVELOPMENT MODE")) {
                    lastMention = i;
                }
            }
            assertTrue(lines.size() - lastMention <= 15, "DEVELOPMENT MODE among the last 15 lines:\n" + output);
            assertTrue(output.contains("verify-token is ready: open http://localhost:" + port + "/"), output);
            assertTrue(output.contains("Tokens are served at POST /verify/token."), output);
            assertFalse(STACK_FRAME.matcher(output).find(), "no stack trace:\n" + output);
            assertFalse(output.contains("Caused by:"), "no stack trace:\n" + output);
            assertFalse(output.toLowerCase().contains("certificate"), "no certificate:\n" + output);
            assertFalse(output.contains("\u001b["), "no colour codes when the output is not a terminal");
            assertFalse(output.contains("application.wadl"), "no path that answers 404");

            URI base = URI.create("http://127.0.0.1:" + port + "/");
            JsonObject info = Http.json(new Http(base.toURL()).get("/verify/info"));
            assertTrue(info.getBoolean("development_mode"), info.toString());
            String browser = DeveloperPageBrowser.check(base.toString(), "development-run");
            assertTrue(browser.contains("ok - the page says development mode exactly when the service runs in it"
                    + " (true)"), browser);
        } finally {
            run.descendants().forEach(ProcessHandle::destroy);
            run.destroy();
            if (!run.waitFor(30, TimeUnit.SECONDS)) {
                run.descendants().forEach(ProcessHandle::destroyForcibly);
                run.destroyForcibly();
            }
        }
    }
}
