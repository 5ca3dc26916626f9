package dev.verifytoken.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Redis server for a test (Debian's {@code redis-server}): on 127.0.0.1 only, on a free port, nothing
 * saved to disk. It can be stopped and started again on the same port, as an operator's Redis that goes away and
 * comes back. Without {@code redis-server} the test is skipped, except in CI, where it fails.
 */
final class RedisServerProcess implements AutoCloseable {

    private static final Path SERVER = Path.of("/usr/bin/redis-server");

    private final int port;
    private final List<String> extra;
    private final Path log;
    private Process process;

    private RedisServerProcess(int port, Path log, List<String> extra) {
        this.port = port;
        this.log = log;
        this.extra = extra;
    }

    /** @param options further redis-server options, e.g. {@code --requirepass secret} */
    static RedisServerProcess start(String name, String... options) {
        boolean installed = Files.isExecutable(SERVER);
        if (!installed && System.getenv("CI") == null) {
            assumeTrue(false, "needs " + SERVER + " (apt-get install redis-server)");
        }
        assertTrue(installed, "CI must provide " + SERVER);
        Path log = Path.of("target", name, "redis.log").toAbsolutePath();
        RedisServerProcess redis = new RedisServerProcess(PayaraMicroProcess.freePort(), log, List.of(options));
        redis.start();
        return redis;
    }

    int port() {
        return port;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts it (again) on its port. */
    void start() {
        List<String> command = new ArrayList<>(List.of(SERVER.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"));
        command.addAll(extra);
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("redis-server accepting connections; see " + log).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("redis-server exited: see " + log);
                    }
                    return accepts();
                });
    }

    /** Stops it at once, as a crash would. */
    void stop() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            stop();
        }
    }
}
