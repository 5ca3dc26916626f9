package dev.verifytoken.it;

import dev.verifytoken.token.control.TestKeys;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slow clients against the production start script: 300 connections that send their headers and then only part
 * of the body hold no HTTP worker thread. Liveness and tokens are still answered while they wait, each of them
 * is answered 408 problem+json once the body is overdue, and the HTTP pool never grows past its 8 threads.
 */
@Tag(PayaraMicroProcess.OWN_SERVER)
class SlowClientIT {

    private static final int SLOW_CLIENTS = 300;
    private static PayaraMicroProcess server;

    @BeforeAll
    static void start() throws IOException {
        Path secrets = Path.of("target", "it-slow-clients", "secrets").toAbsolutePath();
        Files.createDirectories(secrets);
        server = PayaraMicroProcess.production("it-slow-clients", Map.of("AUTHY_API_KEY", TestKeys.randomKey(),
                "APP_ID", "1", "SECRETS_DIR", secrets.toString()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void slowBodiesHoldNoWorkerAndAreAnswered408() throws Exception {
        int port = server.base().getPort();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /verify/token HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n"
                        + "phone_number=%2B1415").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }

            // while all of them wait for the rest of their bodies, the server answers everyone else
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
            HttpResponse<String> live = client.send(HttpRequest.newBuilder(server.base().toURI().resolve("/health/live"))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, live.statusCode(), live.body());
            HttpResponse<String> token = client.send(HttpRequest.newBuilder(server.base().toURI()
                            .resolve("/verify/token")).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", Http.FORM)
                    .POST(HttpRequest.BodyPublishers.ofString("phone_number=%2B14155552671")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, token.statusCode(), token.body());

            long workers = httpWorkerThreads();
            assertTrue(workers > 0 && workers <= 8, workers + " HTTP worker threads (--maxhttpthreads 8)");

            // every slow client is answered 408 problem+json once its body is overdue
            int answered408 = 0;
            for (Socket socket : slow) {
                String answer = readAnswer(socket.getInputStream());
                if (answer.startsWith("HTTP/1.1 408")) {
                    answered408++;
                    assertTrue(answer.contains("application/problem+json"), answer);
                    JsonObject problem = jakarta.json.Json.createReader(new StringReader(
                            answer.substring(answer.indexOf("\r\n\r\n") + 4))).readObject();
                    assertEquals("urn:verify-token:problem:body-timeout", problem.getString("type"));
                }
            }
            assertEquals(SLOW_CLIENTS, answered408);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** The status line, headers and body, read until the server closes the connection. */
    private static String readAnswer(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Threads of the server's HTTP pool ("http-thread-pool::..." in /proc, where names are cut to 15 bytes). */
    private static long httpWorkerThreads() throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(server.pid()), "task"))) {
            return tasks.filter(task -> {
                try {
                    return Files.readString(task.resolve("comm")).startsWith("http-thread-poo");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }
}
