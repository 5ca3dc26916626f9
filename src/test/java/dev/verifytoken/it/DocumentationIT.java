package dev.verifytoken.it;

import dev.verifytoken.it.DocumentedCommands.Command;
import dev.verifytoken.token.control.TestKeys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every command that README.md and docs/*.md mark for running ({@link DocumentedCommands}) runs as written, from the
 * repository root, and answers as the docs show. Only what differs on this machine is changed, always the same way:
 * port 8080 is a free port, {@code /run/secrets/verify-token} a directory holding a random key and an app id, and
 * {@code /var/lib/verify-token/8080} a directory under target/. A server's command runs in the background until the
 * next server's, or the end of the file; {@code ./run.sh}, which builds, runs in a copy of the repository (the files
 * git knows), so that it does not build over this build.
 */
@Tag(DocumentationIT.TAG)
class DocumentationIT {

    /** Run by the default profile only: the commands are the same whatever server the other tests run on. */
    static final String TAG = "documentation";
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path WORK = ROOT.resolve("target").resolve("documentation");
    private static final Duration SERVER_START = Duration.ofMinutes(6);
    private static final Duration COMMAND = Duration.ofMinutes(2);

    static Stream<Path> documents() throws IOException {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            return Stream.concat(Stream.of(ROOT.resolve("README.md")),
                    docs.filter(path -> path.toString().endsWith(".md")).sorted().toList().stream());
        }
    }

    static Stream<Path> documentsWithCommands() throws IOException {
        return documents().filter(path -> !DocumentedCommands.of(path).isEmpty());
    }

    @Test
    void theQuickStartAndTheProductionStartAreMarked() {
        List<Command> readme = DocumentedCommands.of(ROOT.resolve("README.md"));
        assertTrue(readme.stream().anyMatch(c -> c.server() && c.text().strip().startsWith("./run.sh")),
                "README.md marks ./run.sh: " + readme);
        assertTrue(readme.stream().filter(c -> !c.server() && c.answer() != null).count() >= 3,
                "README.md marks its calls with their answers: " + readme);
        List<Command> operating = DocumentedCommands.of(ROOT.resolve("docs").resolve("operating.md"));
        assertTrue(operating.stream().anyMatch(c -> c.server() && c.text().contains("verify-token.sh")),
                "docs/operating.md marks the production start: " + operating);
    }

    @ParameterizedTest
    @MethodSource("documentsWithCommands")
    void everyMarkedCommandRunsAndAnswersAsDocumented(Path document) throws Exception {
        String name = ROOT.relativize(document).toString().replace('/', '-');
        Path work = WORK.resolve(name);
        PayaraMicroProcess.deleteRecursively(work);
        Files.createDirectories(work);
        int port = PayaraMicroProcess.freePort();
        Map<String, String> machine = substitutions(work, port);
        Process server = null;
        try {
            for (Command command : DocumentedCommands.of(document)) {
                String text = command.text();
                for (Map.Entry<String, String> substitution : machine.entrySet()) {
                    text = text.replace(substitution.getKey(), substitution.getValue());
                }
                System.out.println("Documented command " + command);
                if (command.server()) {
                    stop(server);
                    server = startServer(command, text, work, port);
                } else {
                    run(command, text);
                }
            }
        } finally {
            stop(server);
        }
    }

    /** What differs on this machine, replaced in every command the same way, longest first. */
    private static Map<String, String> substitutions(Path work, int port) throws IOException {
        Path secrets = Files.createDirectories(work.resolve("secrets"));
        Files.writeString(secrets.resolve("authy.api.key"), TestKeys.randomKey());
        Files.writeString(secrets.resolve("app.id"), "1");
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("/var/lib/verify-token/8080", work.resolve("root").toString());
        machine.put("/run/secrets/verify-token", secrets.toString());
        machine.put("localhost:8080", "localhost:" + port);
        machine.put("127.0.0.1:8080", "127.0.0.1:" + port);
        machine.put("PORT=8080", "PORT=" + port);
        return machine;
    }

    private static ProcessBuilder shell(String text, Path directory) {
        ProcessBuilder shell = new ProcessBuilder("bash", "-c", text).directory(directory.toFile());
        // the service's settings come from the docs' commands alone, not from this machine's environment
        shell.environment().keySet().removeIf(name -> name.startsWith("AUTHY_") || name.equals("APP_ID")
                || name.equals("APPS") || name.startsWith("DEVELOPMENT_") || name.startsWith("RATELIMIT_")
                || name.startsWith("POLICY_") || name.startsWith("TOKEN_") || name.startsWith("AUTH_")
                || name.startsWith("CORS_") || name.equals("JAVA_OPTS"));
        return shell;
    }

    private static Process startServer(Command command, String text, Path work, int port) throws IOException {
        Path directory = text.contains("./run.sh") ? RepositoryCopy.get() : ROOT;
        Path log = work.resolve("server-" + command.line() + ".log");
        ProcessBuilder shell = shell(text, directory).redirectErrorStream(true).redirectOutput(log.toFile());
        shell.environment().put("PORT", Integer.toString(port));
        Process server = shell.start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            await(command + " serving on port " + port).atMost(SERVER_START).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                        if (!server.isAlive()) {
                            throw new AssertionError(command + " exited with " + server.exitValue() + ":\n"
                                    + tail(log));
                        }
                        // deployed once the token path answers a GET with 405, not the server's 404
                        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                        + "/verify/token")).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 405;
                    });
        } catch (RuntimeException | AssertionError e) {
            stop(server);
            throw e;
        }
        return server;
    }

    private static void run(Command command, String text) throws Exception {
        Process process = shell(text, ROOT).start();
        process.getOutputStream().close();
        var output = process.inputReader(StandardCharsets.UTF_8);
        var errors = process.errorReader(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Thread reader = new Thread(() -> output.lines().forEach(line -> out.append(line).append('\n')));
        Thread errorReader = new Thread(() -> errors.lines().forEach(line -> err.append(line).append('\n')));
        reader.start();
        errorReader.start();
        if (!process.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command + " did not finish within " + COMMAND);
        }
        reader.join();
        errorReader.join();
        assertEquals(0, process.exitValue(), command + " failed:\n" + out + err);
        if (command.answer() != null) {
            List<String> differences = command.answer().differences(out.toString());
            assertTrue(differences.isEmpty(), command + " does not answer as the docs show: " + differences
                    + "\nIt answered:\n" + out);
        }
    }

    private static void stop(Process server) {
        if (server == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(server.descendants().toList());
        all.forEach(ProcessHandle::destroy);
        server.destroy();
        try {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                all.forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle process : all) {
                process.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            all.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
