package dev.verifytoken.it;

import dev.verifytoken.token.control.TestKeys;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Writes the configuration of the server the integration tests start, with a random key and app id made
 * for this run, before Arquillian starts the server, in the form that server takes: a properties file
 * (Payara Micro's {@code --systemproperties}, WildFly's {@code -P=file:}, in arquillian.xml), Open Liberty's
 * {@code jvm.options} ({@code it.server.jvm-options}), or the system properties GlassFish's Arquillian adapter
 * writes into its domain ({@code glassfish.systemProperties}, read when the adapter is configured, which is
 * after this). Register it before the Arquillian extension.
 */
public class ServerConfigFile implements BeforeAllCallback {

    private static final Path FILE = Path.of("target", "it-server", "server.properties");
    private static final String KEY = TestKeys.randomKey();
    private static final long APP_ID = 1 + new SecureRandom().nextInt(1_000_000);
    /** Two extra Authy apps, each with a key and app id of its own, and one whose settings are wrong (AppsIT). */
    static final String IOS_KEY = TestKeys.randomKey();
    static final long IOS_APP_ID = APP_ID + 1;
    static final String ANDROID_KEY = TestKeys.randomKey();
    static final long ANDROID_APP_ID = APP_ID + 2;
    private static boolean written;
    private static String redisUrl;

    public static String key() {
        return KEY;
    }

    public static long appId() {
        return APP_ID;
    }

    /** The Redis the server keeps its buckets in ({@code -Dit.redis=true}), if any. */
    public static Optional<String> redisUrl() {
        return Optional.ofNullable(redisUrl);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        writeOnce();
    }

    static synchronized void writeOnce() {
        if (written) {
            return;
        }
        Properties properties = new Properties();
        properties.setProperty("authy.api.key", KEY);
        properties.setProperty("app.id", Long.toString(APP_ID));
        // A verification policy for PolicyIT; the other tests use numbers it leaves alone.
        properties.setProperty("policy.countries.deny", "RU,KP");
        properties.setProperty("policy.via.call", "FR");
        properties.setProperty("policy.code-length.6", "FR,IT");
        properties.setProperty("policy.locale.es-MX", "MX");
        properties.setProperty("apps", "ios, android-staging, broken");
        properties.setProperty("apps.ios.api-key", IOS_KEY);
        properties.setProperty("apps.ios.app-id", Long.toString(IOS_APP_ID));
        properties.setProperty("apps.android-staging.api-key", ANDROID_KEY);
        properties.setProperty("apps.android-staging.app-id", Long.toString(ANDROID_APP_ID));
        properties.setProperty("apps.android-staging.token.code-length", "8");
        properties.setProperty("apps.android-staging.token.lifetime", "300");
        properties.setProperty("apps.broken.app-id", "not-a-number");
        // Many tests ask for tokens for the same numbers: the abuse limits are tested on servers of their own.
        properties.setProperty("ratelimit.number", "off");
        properties.setProperty("ratelimit.client", "off");
        // the operator's own web app, for HardeningIT's cross-origin requests
        properties.setProperty("cors.allowed-origins", HardeningIT.ALLOWED_ORIGIN);
        // any X-Forwarded-For is read (from 127.0.0.1), for HardeningIT's odd headers
        properties.setProperty("ratelimit.trusted-proxies", "127.0.0.1, ::1");
        if (Boolean.getBoolean("it.redis")) {
            // the buckets in a Redis this run starts, which lives as long as the tests (OperationsIT checks it)
            RedisServerProcess redis = RedisServerProcess.start("it-server-redis");
            Runtime.getRuntime().addShutdownHook(new Thread(redis::close));
            properties.setProperty("ratelimit.store", redis.url());
            redisUrl = redis.url();
        }
        try {
            // a root directory left by an earlier run would also redeploy the WAR that run deployed
            PayaraMicroProcess.deleteRecursively(FILE.getParent());
            Files.createDirectories(FILE.getParent());
            try (Writer out = Files.newBufferedWriter(FILE, StandardCharsets.UTF_8)) {
                properties.store(out, "written by the integration tests for this run; random values, no real key");
            }
            String jvmOptions = System.getProperty("it.server.jvm-options", "");
            if (!jvmOptions.isBlank()) {
                Files.writeString(Path.of(jvmOptions), systemPropertyLines(properties, "-D"), StandardCharsets.UTF_8);
            }
            if ("glassfish".equals(System.getProperty("arquillian.launch"))) {
                System.setProperty("glassfish.systemProperties", systemPropertyLines(properties, ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written = true;
    }

    /** One {@code name=value} line per property; the values here have no spaces at either end nor line breaks. */
    private static String systemPropertyLines(Properties properties, String prefix) {
        StringBuilder lines = new StringBuilder();
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            lines.append(prefix).append(name).append('=').append(properties.getProperty(name)).append('\n');
        }
        return lines.toString();
    }
}
