package dev.verifytoken.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A Payara Micro started by a test itself, for what the Arquillian-managed server cannot have (a missing
 * key, the production start script, a log the test reads). Loopback only: no Hazelcast, no phone-home.
 */
public final class PayaraMicroProcess implements AutoCloseable {

    /**
     * The JUnit tag of the integration tests that start Payara Micro themselves (its production script, its data
     * grid): Payara's own, left out when the integration tests run on another server.
     */
    public static final String OWN_SERVER = "own-payara-micro";

    private final Process process;
    private final int port;
    private final Path log;

    private PayaraMicroProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The path of the WAR the build produced. */
    public static Path war() {
        return Path.of(System.getProperty("verify-token.war", "target/verify-token.war")).toAbsolutePath();
    }

    public static Path payaraMicroJar() {
        return Path.of("target", "payara-micro.jar").toAbsolutePath();
    }

    /**
     * Starts the WAR on Payara Micro and waits until it answers.
     *
     * @param name        a folder name under target/ for its root directory and log
     * @param environment environment variables to set; those given a null value are removed
     * @param options     further Payara Micro options
     */
    public static PayaraMicroProcess start(String name, Map<String, String> environment, String... options) {
        return start(name, environment, List.of("--nohazelcast", "--disablephonehome"), options);
    }

    private static PayaraMicroProcess start(String name, Map<String, String> environment, List<String> network,
                                            String... options) {
        int port = freePort();
        Path dir = Path.of("target", name).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        command.addAll(jvmOptions());
        command.addAll(List.of("-jar", payaraMicroJar().toString()));
        command.addAll(network);
        command.addAll(List.of(
                "--port", Integer.toString(port),
                "--rootdir", rootDirectory(name).toString(),
                "--deploy", war().toString(), "--contextroot", "/"));
        command.addAll(List.of(options));
        return launch(dir, port, command, environment, Path.of("").toAbsolutePath());
    }

    /**
     * The JVM options the build gives every Payara Micro the tests start ({@code it.micro.jvm-options} in pom.xml,
     * which the Arquillian adapter's servers get too): among them one startup thread, as in production.
     */
    private static List<String> jvmOptions() {
        String options = System.getProperty("it.micro.jvm-options", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /**
     * Runs the production start script ({@code server-config/production/verify-token.sh}) with this build's Payara
     * Micro and WAR, its port in {@code PORT} and its root directory in {@code ROOT_DIR}, and waits until it answers.
     */
    public static PayaraMicroProcess production(String name, Map<String, String> environment) {
        return productionIn(Path.of("").toAbsolutePath(), name, environment);
    }

    /** The same, started from the given working directory. */
    public static PayaraMicroProcess productionIn(Path workingDirectory, String name, Map<String, String> environment) {
        int port = freePort();
        Path dir = Path.of("target", name).toAbsolutePath();
        Map<String, String> withPort = new java.util.HashMap<>(environment);
        withPort.put("PORT", Integer.toString(port));
        withPort.put("ROOT_DIR", rootDirectory(name).toString());
        // the tests' servers listen on loopback only
        withPort.putIfAbsent("HOST", "127.0.0.1");
        List<String> command = List.of("bash",
                Path.of("server-config", "production", "verify-token.sh").toAbsolutePath().toString(),
                payaraMicroJar().toString(), war().toString());
        return launch(dir, port, command, withPort, workingDirectory);
    }

    /** The root directory Payara Micro runs in, for a {@code name} given to {@link #start} or {@link #production}. */
    public static Path rootDirectory(String name) {
        return Path.of("target", name, "root").toAbsolutePath();
    }

    private static PayaraMicroProcess launch(Path dir, int port, List<String> command,
                                             Map<String, String> environment, Path workingDirectory) {
        Path log = dir.resolve("server.log");
        try {
            // a root directory left by an earlier run would also redeploy the WAR that run deployed
            deleteRecursively(dir.resolve("root"));
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).directory(workingDirectory.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                    + System.getenv("PATH"));
            environment.forEach((key, value) -> {
                if (value == null) {
                    builder.environment().remove(key);
                } else {
                    builder.environment().put(key, value);
                }
            });
            PayaraMicroProcess server = new PayaraMicroProcess(builder.start(), port, log);
            server.awaitReady(Duration.ofMinutes(4));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URL base() {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server process is still running (not killed, not exited). */
    public boolean alive() {
        return process.isAlive();
    }

    /** The process id of the server (the start script execs Java, so it is the script's). */
    public long pid() {
        return process.pid();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Until the application answers (405 to a GET of the token path); fails at once if the server exits. */
    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        try {
            await("Payara Micro deploying the application; see " + log).atMost(timeout)
                    .pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Payara Micro exited with " + process.exitValue()
                                    + "; see " + log);
                        }
                        return client.send(HttpRequest.newBuilder(URI.create(base() + "verify/token"))
                                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode() == 405;
                    });
        } catch (RuntimeException e) {
            String threads = threadDump();
            close();
            // CI keeps only Maven's output: the log's end and the threads say why
            throw new IllegalStateException(e.getMessage() + "\nThe end of " + log + ":\n" + logTail(40)
                    + "\n" + threads, e);
        }
    }

    /** The JVM's threads (jcmd Thread.print), saved beside the log; its deadlocks, if any, for a failure's message. */
    private String threadDump() {
        if (!process.isAlive()) {
            return "";
        }
        try {
            Path dump = log.resolveSibling("threads.txt");
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print", "-l").redirectErrorStream(true)
                    .redirectOutput(dump.toFile()).start();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
                return "(no thread dump within 30 s)";
            }
            String threads = Files.readString(dump, java.nio.charset.StandardCharsets.ISO_8859_1);
            int deadlock = threads.indexOf("Found one Java-level deadlock");
            return "Threads in " + dump + (deadlock < 0 ? ", no deadlock among them"
                    : ":\n" + threads.substring(deadlock, Math.min(threads.length(), deadlock + 6000)));
        } catch (IOException e) {
            return "(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    /** The last lines of the server's log, for a failure's message. */
    private String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first of {@code count} consecutive ports that are free now (a data grid's members, one port each). */
    static int freePorts(int count) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = freePort();
            if (first + count > 65535) {
                continue;
            }
            boolean free = true;
            for (int port = first + 1; port < first + count && free; port++) {
                try (ServerSocket socket = new ServerSocket(port)) {
                    free = socket.getLocalPort() == port;
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports");
    }

    /** Waits until the server's log holds this text; fails after the time given. */
    public void awaitInLog(String text, Duration patience) {
        await("in the log: " + text).atMost(patience).pollInterval(Duration.ofMillis(200))
                .until(() -> log().contains(text));
    }

    /** Ends the server at once (SIGKILL), as a crash or a lost machine would: no orderly shutdown. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
