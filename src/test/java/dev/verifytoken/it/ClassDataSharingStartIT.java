package dev.verifytoken.it;

import dev.verifytoken.token.control.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production start script with {@code CDS=on}: its first start makes a class data sharing archive by a
 * {@code --warmup} run of Payara Micro, then starts from it. Started from a working directory that holds a
 * directory named {@code secrets}: Payara Micro watches such a directory for MicroProfile Config properties, and
 * that watch once kept the {@code --warmup} run from ever exiting, so that the instance never started.
 */
@Tag(PayaraMicroProcess.OWN_SERVER)
class ClassDataSharingStartIT {

    private static final String NAME = "it-cds";
    private static PayaraMicroProcess server;

    @BeforeAll
    static void start() throws IOException {
        Path workingDirectory = Path.of("target", NAME, "workdir").toAbsolutePath();
        Files.createDirectories(workingDirectory.resolve("secrets"));
        Path secrets = Path.of("target", NAME, "secrets").toAbsolutePath();
        Files.createDirectories(secrets);
        server = PayaraMicroProcess.productionIn(workingDirectory, NAME, Map.of(
                "AUTHY_API_KEY", TestKeys.randomKey(), "APP_ID", "1", "SECRETS_DIR", secrets.toString(), "CDS", "on"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theFirstStartMakesTheArchiveAndStartsFromIt() throws IOException {
        Path archive = PayaraMicroProcess.rootDirectory(NAME).resolve("verify-token.jsa");
        assertTrue(Files.size(archive) > 0, "the archive the --warmup run wrote: " + archive);

        String command = ProcessHandle.of(server.pid()).flatMap(process -> process.info().commandLine())
                .orElseThrow(() -> new AssertionError("the server's command line is not readable"));
        assertTrue(command.contains("-XX:SharedArchiveFile=" + archive), command);
        assertTrue(command.contains("launch-micro.jar"), command);
    }

    @Test
    void answersWithATokenOnceStarted() {
        HttpResponse<String> response = new Http(server.base()).postForm(Http.form("phone_number", "+14155552671"));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("jwt_token"), response.body());
    }
}
