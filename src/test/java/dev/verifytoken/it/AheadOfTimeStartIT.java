package dev.verifytoken.it;

import dev.verifytoken.token.control.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The production start script with {@code AOT=on} on Java 25: its first start trains the AOT cache with token
 * requests (TrainingLoad.java against an instance of its own on a loopback port, without the instance's shared
 * store), then starts from the cache. Skipped where no Java 25 is installed ({@code temurin25.home}).
 */
@Tag(PayaraMicroProcess.OWN_SERVER)
class AheadOfTimeStartIT {

    private static final String NAME = "it-aot";
    private static final Path JAVA_25 = Path.of(System.getProperty("temurin25.home",
            "/usr/lib/jvm/temurin-25-jdk-amd64"));
    private static PayaraMicroProcess server;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(JAVA_25.resolve("bin/java")), "no Java 25 at " + JAVA_25);
        Path secrets = Path.of("target", NAME, "secrets").toAbsolutePath();
        Files.createDirectories(secrets);
        server = PayaraMicroProcess.production(NAME, Map.of(
                "AUTHY_API_KEY", TestKeys.randomKey(), "APP_ID", "1", "SECRETS_DIR", secrets.toString(),
                "AOT", "on", "AOT_TRAINING", "10",
                // a shared store the training run must not use: nothing listens there
                "RATELIMIT_STORE", "redis://127.0.0.1:1",
                "PATH", JAVA_25.resolve("bin") + ":" + System.getenv("PATH")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theFirstStartTrainsTheCacheWithTokenRequestsAndStartsFromIt() throws IOException {
        Path root = PayaraMicroProcess.rootDirectory(NAME);
        Path cache = root.resolve("verify-token.aot");
        assertTrue(Files.size(cache) > 0, "the cache the training run wrote: " + cache);

        String training = Files.readString(root.resolve("training.log"), StandardCharsets.ISO_8859_1);
        Matcher sent = Pattern.compile("(\\d+) training requests").matcher(training);
        assertTrue(sent.find(), "TrainingLoad's count in the training log");
        assertTrue(Integer.parseInt(sent.group(1)) >= 100, sent.group());
        assertTrue(training.contains("token issued"), "tokens issued in training");
        assertTrue(training.contains("token refused"), "refusals in training");
        assertFalse(training.contains("token refused reason=rate_limit"), "the training run's limits refuse nothing");
        assertFalse(training.contains("redis://127.0.0.1:1"), "the training run uses no shared store");

        String command = ProcessHandle.of(server.pid()).flatMap(process -> process.info().commandLine())
                .orElseThrow(() -> new AssertionError("the server's command line is not readable"));
        assertTrue(command.contains("-XX:AOTCache=" + cache), command);
    }

    @Test
    void answersWithATokenOnceStarted() {
        HttpResponse<String> response = new Http(server.base()).postForm(Http.form("phone_number", "+14155552671"));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("jwt_token"), response.body());
    }
}
