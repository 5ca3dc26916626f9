package dev.verifytoken.it;

import dev.verifytoken.token.control.IssuedTokens;
import dev.verifytoken.token.control.TestKeys;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The production start script with the production server-config: the key and app id read from a secret
 * directory (one file per property), a key file rewritten in place picked up without a restart, an audit
 * line for each token with the number masked, JSON log lines, and no Server header.
 */
@Tag(PayaraMicroProcess.OWN_SERVER)
class ProductionServerIT {

    private static final String FIRST_KEY = TestKeys.randomKey();
    private static final long APP_ID = 4711;
    private static Path secrets;
    private static PayaraMicroProcess server;
    private static Http http;
    private static final String WEB_KEY = TestKeys.randomKey();

    @BeforeAll
    static void start() throws IOException {
        secrets = Path.of("target", "it-production", "secrets").toAbsolutePath();
        PayaraMicroProcess.deleteRecursively(secrets);
        Files.createDirectories(secrets);
        Files.writeString(secrets.resolve("authy.api.key"), FIRST_KEY + "\n");
        Files.writeString(secrets.resolve("app.id"), Long.toString(APP_ID));
        // a second Authy app, its key and app id from the secret directory too
        Files.writeString(secrets.resolve("apps.web.api-key"), WEB_KEY + "\n");
        Files.writeString(secrets.resolve("apps.web.app-id"), "4242");

        Map<String, String> environment = new HashMap<>();
        environment.put("SECRETS_DIR", secrets.toString());
        environment.put("AUTHY_API_KEY", null);
        environment.put("APP_ID", null);
        environment.put("APPS", "web");
        server = PayaraMicroProcess.production("it-production", environment);
        http = new Http(server.base());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void requestsThatTheServersParserRefusesWriteNoLogLine() {
        String before = server.log();
        ParserRejectionsIT.malformed().forEach(arguments -> RawHttp.exchange(server.base(), (byte[]) arguments.get()[1]));
        // an invalid percent-escape in the path: Payara's web container logged a SEVERE line with a stack trace each
        String body = "phone_number=%2B14155552671";
        RawHttp.exchange(server.base(), ("POST /verify/%zz HTTP/1.1\r\nHost: x\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.US_ASCII));
        // then one token request, whose audit line marks the end of what those requests could have logged
        String number = "+14155550142";
        assertEquals(200, http.postForm(Http.form("phone_number", number)).statusCode());
        server.awaitInLog("number=+1********42", Duration.ofSeconds(10));
        String after = server.log().substring(before.length());
        String[] lines = after.strip().split("\n");
        assertEquals(1, lines.length, "only the audit line: " + after);
        assertTrue(lines[0].contains("token issued"), after);
    }

    @Test
    void signsWithTheKeyAndAppIdFromTheSecretDirectory() throws Exception {
        HttpResponse<String> response = http.postForm(Http.form("phone_number", "+14155552671"));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject claims = IssuedTokens.verifiedClaims(Http.json(response).getString("jwt_token"), FIRST_KEY);
        IssuedTokens.assertInteger(APP_ID, claims.get("app_id"));
        assertTrue(response.headers().firstValue("Server").isEmpty(), response.headers().toString());
        assertTrue(response.headers().firstValue("X-Powered-By").isEmpty(), response.headers().toString());
    }

    @Test
    void writesAnAuditLineWithTheNumberMasked() {
        assertEquals(200, http.postForm(Http.form("phone_number", "+44 7400 123456", "via", "call")).statusCode());
        assertEquals(403, http.postForm(Http.form("phone_number", "+1 900 234 5678")).statusCode());
        awaitInLog("token issued number=+44********56 country=GB via=call client=127.0.0.1");
        awaitInLog("token refused reason=policy problem=number-type-refused number=+1********78 country=US"
                + " client=127.0.0.1");
        String log = server.log();
        // the audit logger's own JSON handler writes the fields, in the order, of Payara's formatter
        JsonObject audit = jsonLine(log, "token issued number=+44********56");
        JsonObject payaras = jsonLine(log, "Tokens are served at");
        assertEquals(List.copyOf(payaras.keySet()), List.copyOf(audit.keySet()), audit.toString());
        assertEquals("dev.verifytoken.audit", audit.getString("LoggerName"));
        assertEquals("INFO", audit.getString("Level"));
        assertTrue(audit.getString("ThreadName").startsWith("http-thread-pool"), audit.toString());
        assertEquals(payaras.getString("Timestamp").length(), audit.getString("Timestamp").length(), audit.toString());
        assertFalse(log.contains("447400123456"), "a full number in the log");
        assertFalse(log.contains("19002345678"), "a full number in the log");
        assertFalse(log.contains(FIRST_KEY), "the key in the log");
        assertFalse(log.contains("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"), "a token in the log");
    }

    private static JsonObject jsonLine(String log, String message) {
        String line = log.lines().filter(candidate -> candidate.contains(message)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + message));
        return jakarta.json.Json.createReader(new java.io.StringReader(line)).readObject();
    }

    @Test
    void hasNoDeveloperPage() {
        // every spelling of every path of the page and its data: a trailing slash, a matrix parameter, doubled or
        // encoded characters
        for (String path : new String[]{"/", "/index.html", "/developer/app.js", "/verify/info", "/verify/info/",
                "/verify/info;x=1", "/verify//info", "/verify/./info", "/verify/%69nfo", "/developer/",
                "/developer/style.css", "/index.html/", "/%69ndex.html", "/developer//app.js", "/INDEX.HTML"}) {
            HttpResponse<String> response = http.get(path);
            assertEquals(404, response.statusCode(), path + ": " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow()
                    .split(";")[0], path);
        }
    }

    @Test
    void listensOnTheAddressThatHostNames() {
        assumeTrue(ListeningSockets.available(), "needs Linux's /proc to see the server's sockets");
        List<InetSocketAddress> sockets = ListeningSockets.ofProcessListeningOn(server.base().getPort());
        assertTrue(sockets.stream().filter(socket -> socket.getPort() == server.base().getPort())
                .allMatch(socket -> socket.getAddress().isLoopbackAddress()), "HOST=127.0.0.1: " + sockets);
    }

    @Test
    void logsJsonLines() {
        awaitInLog("\"LoggerName\":\"dev.verifytoken.configuration.control.ConfigurationCheck\"");
        assertFalse(server.log().contains("certificate has expired"), "the trust store warnings are silenced");
        awaitInLog("Tokens are served at POST /verify/token, POST /verify/apps/web/token.");
        assertFalse(server.log().contains("application.wadl"), "no start-up banner lists a path that answers 404");
    }

    @Test
    void picksUpAnAppsKeyFileRewrittenInPlaceWithoutARestart() throws Exception {
        HttpResponse<String> first = http.post("/verify/apps/web/token", Http.FORM, Http.form("phone_number", "+14155552690"));
        assertEquals(200, first.statusCode(), first.body());
        IssuedTokens.assertInteger(4242, IssuedTokens.verifiedClaims(Http.json(first).getString("jwt_token"), WEB_KEY)
                .get("app_id"));

        rotate("apps.web.api-key", "/verify/apps/web/token", WEB_KEY, 2700);
    }

    @Test
    void picksUpAKeyFileRewrittenInPlaceWithoutARestart() throws Exception {
        rotate("authy.api.key", "/verify/token", FIRST_KEY, 2600);
    }

    /**
     * Rewrites a key file in place and asks for tokens at that path until one is signed with the new key (each
     * signed with the old one until then), within 90 s.
     */
    private static void rotate(String keyFile, String path, String oldKey, int firstNumber) throws Exception {
        String newKey = TestKeys.randomKey();
        Files.writeString(secrets.resolve(keyFile), newKey);
        AtomicInteger next = new AtomicInteger(firstNumber);
        String token = await("a token signed with the rewritten " + keyFile).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2)).until(() -> {
                    // another number each time: the production limit of 5 tokens per number an hour is on
                    HttpResponse<String> response = http.post(path, Http.FORM,
                            Http.form("phone_number", "+1415555" + next.getAndIncrement()));
                    assertEquals(200, response.statusCode(), response.body());
                    String signed = Http.json(response).getString("jwt_token");
                    assertTrue(signedWith(signed, oldKey) || signedWith(signed, newKey),
                            "signed with the old key until the new one is seen");
                    return signed;
                }, signed -> signedWith(signed, newKey));
        IssuedTokens.verifiedClaims(token, newKey);
        awaitInLog("The value of " + keyFile + " changed");
        assertFalse(server.log().contains(newKey));
    }

    private static boolean signedWith(String token, String key) {
        Mac mac;
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        String input = token.substring(0, token.lastIndexOf('.'));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        return token.endsWith("." + signature);
    }

    private static void awaitInLog(String text) {
        server.awaitInLog(text, Duration.ofSeconds(10));
    }
}
