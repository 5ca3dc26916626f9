package dev.verifytoken.it;

import dev.verifytoken.token.control.IssuedTokens;
import dev.verifytoken.token.control.TestKeys;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.verifytoken.it.Podman.podman;
import static dev.verifytoken.it.Podman.tryPodman;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The container image (server-config/container) built on the Debian base with podman, run as operators run it: with a
 * mounted secrets directory on a published port, read-only, two containers sharing one Redis, stopped with SIGTERM;
 * then the Kubernetes manifests (server-config/kubernetes) with {@code podman kube play}.
 */
@Tag(ContainerImageIT.CONTAINER)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerImageIT {

    /** The tag of the tests that build and run the image (Payara Micro 6 on Java 17: the default profile's). */
    static final String CONTAINER = "container";

    private static final String KEY = TestKeys.randomKey();
    private static final long APP_ID = 4711;
    private static final String REDIS_PASSWORD = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
    private static final Path WORK = Path.of("target", "it-container").toAbsolutePath();
    private static final Path MANIFESTS = Path.of("server-config", "kubernetes").toAbsolutePath();
    private static final String PUBLISHED = "verify-token-it-published";
    private static final List<String> SHARING = List.of("verify-token-it-shared-1", "verify-token-it-shared-2");
    private static final String NETWORK = "verify-token-it";
    /** The named volumes podman kube play makes for the manifests' volumes (and the Secrets' files). */
    private static final List<String> KUBE_VOLUMES = List.of("verify-token", "verify-token-redis",
            "verify-token-root", "verify-token-tmp", "redis-data");
    private static final int MB = 1_000_000;

    private static String image;
    private static URL published;

    @BeforeAll
    static void buildAndRun() throws IOException {
        Podman.assumeUsable();
        removeEverything();
        PayaraMicroProcess.deleteRecursively(WORK);
        Files.createDirectories(WORK);

        Podman.Result build = Podman.run(List.of("bash", "server-config/container/build-image.sh"),
                Map.of("BASE", "debian"), 900);
        assertTrue(build.ok(), "build-image.sh BASE=debian:\n" + build.output());
        String summary = build.output().strip().lines().reduce((first, last) -> last).orElseThrow();
        System.out.println("[container] " + summary);
        image = summary.substring(0, summary.indexOf(": "));

        Path secrets = secretsDirectory("secrets", Map.of());
        int port = PayaraMicroProcess.freePort();
        published = new URL("http://127.0.0.1:" + port + "/");
        long launched = System.nanoTime();
        podman("run", "-d", "--name", PUBLISHED, "--read-only", "-p", "127.0.0.1:" + port + ":8080",
                "-v", secrets + ":/run/secrets/verify-token:ro", image);
        awaitToken(published, PUBLISHED);
        System.out.printf("[container] first token %.1f s after podman run%n", (System.nanoTime() - launched) / 1e9);
    }

    @AfterAll
    static void removeEverything() {
        // -v: with the anonymous volumes of their root directories
        Stream.concat(Stream.of(PUBLISHED), SHARING.stream())
                .forEach(name -> tryPodman("rm", "-f", "-v", "-t", "0", name));
        for (String manifest : List.of("verify-token.yaml", "redis.yaml")) {
            tryPodman("kube", "down", MANIFESTS.resolve(manifest).toString());
        }
        KUBE_VOLUMES.forEach(volume -> tryPodman("volume", "rm", "-f", volume));
        tryPodman("secret", "rm", "verify-token", "verify-token-redis");
        tryPodman("network", "rm", "-f", NETWORK);
    }

    @Test
    @Order(1)
    void imageOnTheDebianBaseIsAtMost450MbAndLabelled() {
        long size = Long.parseLong(podman("image", "inspect", "--format", "{{.Size}}", image));
        assertTrue(size <= 450L * MB, image + " is " + size / MB + " MB");
        JsonObject config = Json.createReader(new StringReader(
                podman("image", "inspect", "--format", "{{json .Config}}", image))).readObject();
        assertEquals("10001:0", config.getString("User"));
        JsonObject labels = config.getJsonObject("Labels");
        assertEquals(image.substring(image.indexOf(':') + 1), labels.getString("org.opencontainers.image.version"));
        for (String label : List.of("source", "licenses", "revision", "title")) {
            assertFalse(labels.getString("org.opencontainers.image." + label, "").isBlank(), label + ": " + labels);
        }
        assertTrue(config.getJsonObject("ExposedPorts").containsKey("8080/tcp"), config.toString());
    }

    @Test
    @Order(2)
    void servesATokenSignedWithTheMountedKeyOnThePublishedPort() throws Exception {
        HttpResponse<String> response = new Http(published).postForm(Http.form("phone_number", "+44 7400 123456"));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject claims = IssuedTokens.verifiedClaims(Http.json(response).getString("jwt_token"), KEY);
        IssuedTokens.assertInteger(APP_ID, claims.get("app_id"));
        assertEquals("+447400123456", claims.getString("phone_number"));
    }

    @Test
    @Order(3)
    void runsAsANonRootUserOnAReadOnlyRootFileSystem() throws IOException {
        String pid = podman("inspect", "--format", "{{.State.Pid}}", PUBLISHED);
        String uids = Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                .filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow();
        assertEquals(List.of("10001", "10001", "10001", "10001"), List.of(uids.substring(4).strip().split("\\s+")),
                "real, effective, saved and file system uid of the JVM: " + uids);

        assertEquals("true", podman("inspect", "--format", "{{.HostConfig.ReadonlyRootfs}}", PUBLISHED));
        Podman.Result write = tryPodman("exec", PUBLISHED, "bash", "-c", "echo x > /opt/verify-token/written");
        assertFalse(write.ok(), write.output());
        assertTrue(write.output().contains("Read-only file system"), write.output());
        // what it wrote is in its two volumes (the root directory, /tmp) only: nothing in the container's own layer
        // but /etc, where podman mounts the container's hosts and resolv.conf
        assertEquals(List.of(), podman("diff", PUBLISHED).lines().filter(change -> !change.equals("C /etc")).toList());
    }

    @Test
    @Order(4)
    void theKeyIsNowhereInPodmanInspect() {
        String inspected = podman("inspect", PUBLISHED) + podman("image", "inspect", image);
        assertFalse(inspected.contains(KEY), "the key in podman inspect");
        assertTrue(inspected.contains("/run/secrets/verify-token"), "the secrets directory is mounted");
    }

    @Test
    @Order(5)
    void twoContainersShareOneNumbersLimitThroughRedis() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start("it-container", "--requirepass", REDIS_PASSWORD)) {
            Path secrets = secretsDirectory("shared-secrets", Map.of("ratelimit.store.password", REDIS_PASSWORD));
            List<URL> instances = new ArrayList<>();
            for (String name : SHARING) {
                int port = PayaraMicroProcess.freePort();
                // the host's network, listening on its loopback interface only, where the Redis is
                podman("run", "-d", "--name", name, "--read-only", "--network", "host", "-e", "PORT=" + port,
                        "-e", "HOST=127.0.0.1", "-e", "RATELIMIT_STORE=redis://127.0.0.1:" + redis.port(),
                        "-e", "RATELIMIT_NUMBER=5/1d", "-e", "RATELIMIT_CLIENT=off",
                        "-v", secrets + ":/run/secrets/verify-token:ro", image);
                instances.add(new URL("http://127.0.0.1:" + port + "/"));
            }
            for (int i = 0; i < instances.size(); i++) {
                awaitToken(instances.get(i), SHARING.get(i));
                assertTrue(new Http(instances.get(i)).get("/health/ready").body().contains("\"shared\":\"true\""),
                        SHARING.get(i) + " uses the shared store");
            }
            assertSharedLimit(instances);
        } finally {
            SHARING.forEach(name -> tryPodman("rm", "-f", "-v", "-t", "0", name));
        }
    }

    @Test
    @Order(6)
    void endsWithinTheGracePeriodOnSigterm() {
        long stopping = System.nanoTime();
        podman("stop", "--time", "30", PUBLISHED);
        System.out.printf("[container] podman stop: %.1f s%n", (System.nanoTime() - stopping) / 1e9);
        // 143: the JVM ended on SIGTERM, after its shutdown hooks (Payara Micro's among them); 137 would be podman's
        // SIGKILL at the end of the grace period. (Payara's last line, "Payara Micro STOPPED", is not always written:
        // the JVM's logging is reset by a shutdown hook of its own, at the same time.)
        assertEquals("143", podman("inspect", "--format", "{{.State.ExitCode}}", PUBLISHED));
    }

    @Test
    @Order(7)
    void theKubernetesManifestsRunWithPodmanKubePlay() throws Exception {
        Map<String, Object> tokenService = container(deployment("verify-token.yaml"));
        Map<String, Object> redisServer = container(deployment("redis.yaml"));
        assertEquals(image, tokenService.get("image"), "the manifest names the image build-image.sh builds");
        // where no registry is reachable, Debian's redis-server (7.0) under the public image's name
        Podman.Result redisImage = Podman.run(List.of("bash", "server-config/container/debian-image.sh",
                (String) redisServer.get("image"), "redis-server"), 900);
        assertTrue(redisImage.ok(), redisImage.output());

        // What kubectl create secret does, for podman 4.3: it writes a Secret's data values to the files as they
        // are written (undecoded), so they are given here undecoded; and it knows no stringData in secret volumes
        secret("verify-token", Map.of("authy.api.key", KEY, "app.id", Long.toString(APP_ID),
                "ratelimit.store.password", REDIS_PASSWORD));
        secret("verify-token-redis", Map.of("password", REDIS_PASSWORD));
        tryPodman("network", "create", NETWORK);
        podman("kube", "play", "--network", NETWORK, MANIFESTS.resolve("redis.yaml").toString());
        // The Service's name as a cluster's DNS gives it: podman kube play makes no Services, so the Redis pod joins
        // the network again under the Service's name
        String redisPod = podman("pod", "ps", "--filter", "name=^redis-pod", "--format", "{{.InfraId}}");
        podman("network", "disconnect", NETWORK, redisPod);
        podman("network", "connect", "--alias", "redis", NETWORK, redisPod);
        podman("kube", "play", "--network", NETWORK, MANIFESTS.resolve("verify-token.yaml").toString());

        List<URL> pods = new ArrayList<>();
        for (String name : podman("ps", "--format", "{{.Names}}").lines()
                .filter(name -> name.matches("verify-token-pod-\\d+-verify-token")).sorted().toList()) {
            // the pod's address on the network, reachable from this machine (no port published)
            String address = podman("inspect", "--format", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}",
                    name);
            URL pod = new URL("http://" + address + ":8080/");
            awaitToken(pod, name);
            pods.add(pod);
        }
        assertFalse(pods.isEmpty(), podman("ps", "-a"));
        System.out.println("[container] podman kube play: " + pods.size() + " pod(s) of the token service");
        for (URL pod : pods) {
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                String path = (String) map(map(tokenService.get(probe)).get("httpGet")).get("path");
                assertEquals(200, new Http(pod).get(path).statusCode(), probe + " " + path + " on " + pod);
            }
        }
        // podman 4.3 runs each replica as a pod of its own: the limit is then shared by two
        if (pods.size() > 1) {
            assertSharedLimit(pods);
        }
    }

    /** A token from each instance, signed with the key; then a number's limit of 5 holds over all of them at once. */
    private static void assertSharedLimit(List<URL> instances) throws Exception {
        for (int i = 0; i < instances.size(); i++) {
            HttpResponse<String> response = new Http(instances.get(i))
                    .postForm(Http.form("phone_number", "+1415555" + (2000 + i)));
            assertEquals(200, response.statusCode(), response.body());
            IssuedTokens.verifiedClaims(Http.json(response).getString("jwt_token"), KEY);
        }
        Burst burst = Burst.of(40, "+14155550123", instances).assertEveryRequestAnswered(Burst.PATIENCE);
        assertEquals(5, burst.granted(), "tokens for one number over " + instances.size() + " instances");
    }

    /**
     * Waits until the instance serves a token (it starts, deploys and reads its key), 5 minutes at most; else fails
     * with the end of the container's log.
     */
    private static void awaitToken(URL instance, String container) {
        Http http = new Http(instance);
        try {
            // a server not yet listening makes Http fail with an AssertionError, which untilAsserted tries again
            await(container + " serving a token").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        HttpResponse<String> response = http.postForm(Http.form("phone_number", "+14155559876"));
                        assertEquals(200, response.statusCode(), response.body());
                    });
        } catch (ConditionTimeoutException notServing) {
            fail(notServing.getMessage() + "; its log:\n" + tryPodman("logs", "--tail", "60", container).output());
        }
    }

    /** A directory of one file per property, as a mounted Secret: the key, the app id and these. */
    private static Path secretsDirectory(String name, Map<String, String> more) throws IOException {
        Path directory = Files.createDirectories(WORK.resolve(name));
        Files.writeString(directory.resolve("authy.api.key"), KEY + "\n");
        Files.writeString(directory.resolve("app.id"), Long.toString(APP_ID));
        for (Map.Entry<String, String> file : more.entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue());
        }
        return directory;
    }

    private static void secret(String name, Map<String, String> data) throws IOException {
        StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: Secret\nmetadata:\n  name: ")
                .append(name).append("\ndata:\n");
        data.forEach((key, value) -> yaml.append("  ").append(key).append(": \"").append(value).append("\"\n"));
        Path file = WORK.resolve(name + "-secret.yaml");
        Files.writeString(file, yaml);
        podman("secret", "create", name, file.toString());
        Files.delete(file);
    }

    private static Map<String, Object> deployment(String manifest) throws IOException {
        try (Reader reader = Files.newBufferedReader(MANIFESTS.resolve(manifest))) {
            for (Object document : new Yaml().loadAll(reader)) {
                if ("Deployment".equals(map(document).get("kind"))) {
                    return map(document);
                }
            }
        }
        throw new AssertionError("no Deployment in " + manifest);
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
        return map(((List<?>) pod.get("containers")).get(0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }
}
