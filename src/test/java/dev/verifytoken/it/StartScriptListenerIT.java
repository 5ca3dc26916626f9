package dev.verifytoken.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The address the production start script gives Payara Micro's HTTP listener, read from the command line it
 * runs: a stand-in for {@code java} on the PATH writes its arguments down, so nothing starts and nothing listens.
 * The address is given at every start, since the root directory keeps the one of the run before (the CDS and AOT
 * runs listen on loopback, and an instance started after them without {@code HOST} once stayed there).
 */
@Tag(PayaraMicroProcess.OWN_SERVER)
class StartScriptListenerIT {

    private static final String ADDRESS = "set configs.config.server-config.network-config.network-listeners"
            + ".network-listener.http-listener.address=";

    /** Under target/, like every test's files (a temporary directory may be mounted without execution). */
    private Path dir;

    @BeforeEach
    void clean() throws IOException {
        dir = Path.of("target", "it-start-script").toAbsolutePath();
        PayaraMicroProcess.deleteRecursively(dir);
    }

    @Test
    void everyInterfaceWhenHostIsUnset() throws Exception {
        assertEquals(List.of(ADDRESS + "0.0.0.0"), addressCommands(preBootCommands(Map.of())));
    }

    @Test
    void theAddressThatHostNames() throws Exception {
        assertEquals(List.of(ADDRESS + "127.0.0.1"), addressCommands(preBootCommands(Map.of("HOST", "127.0.0.1"))));
    }

    /** The pre-boot command file of the Payara Micro command line the script runs with this environment. */
    private List<String> preBootCommands(Map<String, String> environment) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("java-calls.txt");
        Path java = bin.resolve("java");
        // one line per call, the arguments separated by tabs
        Files.writeString(java, "#!/bin/sh\n(IFS=\"$(printf '\\t')\"; echo \"$*\") >> '" + calls + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        Map<String, String> env = new HashMap<>(environment);
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("ROOT_DIR", dir.resolve("root").toString());
        env.put("SECRETS_DIR", dir.resolve("secrets").toString());
        ProcessBuilder script = new ProcessBuilder("bash",
                Path.of("server-config", "production", "verify-token.sh").toAbsolutePath().toString(),
                dir.resolve("payara-micro.jar").toString(), dir.resolve("verify-token.war").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("script.log").toFile());
        script.environment().remove("HOST");
        script.environment().remove("CDS");
        script.environment().remove("AOT");
        script.environment().putAll(env);
        Process process = script.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the script did not end");
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("script.log")));

        List<String> lines = Files.readAllLines(calls, StandardCharsets.UTF_8);
        List<String> payaraMicro = List.of(lines.get(lines.size() - 1).split("\t"));
        int option = payaraMicro.indexOf("--prebootcommandfile");
        assertTrue(option > 0, "no pre-boot command file in " + payaraMicro);
        return Files.readAllLines(Path.of(payaraMicro.get(option + 1)));
    }

    private static List<String> addressCommands(List<String> commands) {
        return commands.stream().filter(command -> command.contains("http-listener.address")).toList();
    }
}
