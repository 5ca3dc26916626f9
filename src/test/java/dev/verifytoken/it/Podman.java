package dev.verifytoken.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs podman (and scripts that run it) for the container tests. Where runc is installed, with
 * {@code src/test/container/containers.conf} (runc, cgroupfs: what works on the CI's kind of machine); without
 * podman, mmdebstrap or a working podman the test is skipped with the reason, except in CI, where it fails.
 */
final class Podman {

    /** What one command printed (standard output and error together), and how it ended. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private static final Path SETTINGS = Path.of("src", "test", "container", "containers.conf").toAbsolutePath();

    private Podman() {
    }

    /** Skips the calling test where containers cannot be built and run here; in CI, fails instead. */
    static void assumeUsable() {
        String missing = Stream.of("podman", "mmdebstrap").filter(tool -> !onPath(tool)).findFirst()
                .map(tool -> "needs " + tool + " (apt-get install podman runc mmdebstrap uidmap slirp4netns netavark"
                        + " aardvark-dns)").orElse(null);
        if (missing == null) {
            Result info = run(List.of("podman", "info"), 120);
            if (!info.ok()) {
                missing = "podman does not work here: " + info.output();
            }
        }
        if (missing != null && System.getenv("CI") == null) {
            assumeTrue(false, missing);
        }
        assertTrue(missing == null, "CI must run containers: " + missing);
    }

    /** podman with these arguments; fails with what it printed unless it succeeds. */
    static String podman(String... arguments) {
        Result result = tryPodman(arguments);
        assertTrue(result.ok(), "podman " + String.join(" ", arguments) + " ended with " + result.exitCode() + ":\n"
                + result.output());
        return result.output().strip();
    }

    /** podman with these arguments, however it ends. */
    static Result tryPodman(String... arguments) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(arguments));
        return run(command, 600);
    }

    /** Any command with podman's settings in its environment (a script that runs podman), within the time given. */
    static Result run(List<String> command, int seconds) {
        return run(command, Map.of(), seconds);
    }

    static Result run(List<String> command, Map<String, String> environment, int seconds) {
        try {
            Path output = Files.createTempFile("podman", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                if (onPath("runc")) {
                    builder.environment().put("CONTAINERS_CONF", SETTINGS.toString());
                }
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    return new Result(-1, "(no end within " + seconds + " s) " + Files.readString(output));
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
    }
}
