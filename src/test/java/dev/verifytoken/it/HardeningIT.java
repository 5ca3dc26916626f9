package dev.verifytoken.it;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an attacker tries, over HTTP against the deployed WAR: numbers longer than E.164, non-geographic numbers,
 * strange methods, broken escapes, a field given twice, pages of other sites, odd headers. Each is a token or a
 * 4xx problem+json, never a 5xx, an HTML page or an echo of the request.
 */
class HardeningIT extends DeployedServiceCase {

    /** The operator's own web app, allowed by the test server's configuration (ServerConfigFile). */
    static final String ALLOWED_ORIGIN = "https://app.example.test";

    private final List<HttpResponse<String>> responses = new ArrayList<>();

    @AfterEach
    void noAnswerIsAServerErrorOrLeaksAnything() {
        for (HttpResponse<String> response : responses) {
            assertTrue(response.statusCode() < 500, response.statusCode() + " " + response.body());
            assertFalse(response.body().contains(ServerConfigFile.key()));
            assertFalse(response.body().toLowerCase(Locale.ROOT).contains("<html"), response.body());
            assertFalse(response.body().contains("X-Echo-Me"), "the request is never echoed: " + response.body());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response = http.send(request);
        responses.add(response);
        return response;
    }

    private JsonObject problem(HttpResponse<String> response, int status) {
        responses.add(response);
        return Http.problem(response, status);
    }

    private static HttpRequest.Builder tokenRequest(String body) {
        return HttpRequest.newBuilder().header("Content-Type", Http.FORM)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder token(String body) {
        return tokenRequest(body).uri(http.uri("/verify/token"));
    }

    @ParameterizedTest(name = "{0} is too long for E.164")
    @ValueSource(strings = {"+49 30 1234567890123", "+4923333333333333", "+49 30 123456789012"})
    void refusesNumbersLongerThanE164(String number) {
        JsonObject problem = problem(http.postForm(Http.form("phone_number", number)), 400);
        assertEquals("too_long", problem.getJsonArray("errors").getJsonObject(0).getString("code"));
        problem(http.postJson("{\"phone_number\":\"" + number + "\"}"), 400);
    }

    static Stream<String> nonGeographicNumbers() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        return util.getSupportedGlobalNetworkCallingCodes().stream().sorted()
                .map(code -> util.format(util.getExampleNumberForNonGeoEntity(code),
                        PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    @ParameterizedTest(name = "{0} is refused by default")
    @MethodSource("nonGeographicNumbers")
    void refusesNonGeographicNumbersByDefault(String number) {
        JsonObject problem = problem(http.postForm(Http.form("phone_number", number)), 403);
        assertEquals("urn:verify-token:problem:country-refused", problem.getString("type"));
        assertEquals("001", problem.getString("country"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PROPFIND | /
            PROPFIND | /verify/token
            PROPFIND | /developer/app.js
            MKCOL    | /nothing
            FOO      | /verify/info
            PATCH    | /index.html
            DELETE   | /
            """)
    void answersAnyMethodOnAnyPathWithProblemJson(String method, String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(http.uri(path))
                .method(method, HttpRequest.BodyPublishers.noBody()));
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, response.statusCode() + " " + path);
        problem(response, response.statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/verify/token", "/verify/info", "/health/live", "/nothing"})
    void answersTraceWithProblemJsonAndNeverEchoesIt(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(http.uri(path)).header("X-Echo-Me", "secret")
                .method("TRACE", HttpRequest.BodyPublishers.noBody()));
        String server = System.getProperty("arquillian.launch");
        if ("wildfly".equals(server) || "glassfish".equals(server)) {
            // Undertow (disallowed-methods) and GlassFish's listener (trace-enabled=false) refuse TRACE themselves,
            // before the application: an empty 405
            assertEquals(405, response.statusCode());
        } else if ("openliberty".equals(server) && !path.startsWith("/verify/")) {
            // Liberty's web container refuses TRACE to files and unknown paths itself, before any filter: a 403
            assertEquals(403, response.statusCode());
        } else {
            problem(response, 405);
        }
    }

    @Test
    void refusesPercentEscapesThatAreNotUtf8() {
        JsonObject problem = problem(http.postForm("phone_number=%C3%28"), 400);
        assertEquals("urn:verify-token:problem:malformed-body", problem.getString("type"));
        problem(http.postForm("phone_number=%2B1415555267%FF"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"phone_number\":null,\"phone_number\":\"+14155552671\"}",
            "{\"phone_number\":7,\"phone_number\":\"+14155552671\"}"})
    void refusesAJsonFieldGivenTwiceWhateverItsFirstValue(String body) {
        JsonObject problem = problem(http.postJson(body), 400);
        assertTrue(problem.toString().contains("\"duplicate\""), problem.toString());
    }

    @Test
    void refusesTokenRequestsFromPagesOfOtherSites() {
        JsonObject problem = problem(send(token("phone_number=%2B14155552671")
                .header("Origin", "https://evil.example")), 403);
        assertEquals("urn:verify-token:problem:cross-origin-refused", problem.getString("type"));
        problem(send(token("phone_number=%2B14155552671").header("Sec-Fetch-Site", "cross-site")), 403);
        problem(send(token("phone_number=%2B14155552671").header("Origin", "null")), 403);
        problem(send(token("phone_number=%2B14155552671").header("Origin", ALLOWED_ORIGIN + ".evil.example")), 403);
    }

    @Test
    void refusesThePreflightOfAnotherSite() {
        problem(send(HttpRequest.newBuilder(http.uri("/verify/token")).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())), 403);
    }

    @Test
    void servesAppsTheServicesOwnPagesAndTheAllowedOrigin() {
        assertEquals(200, send(token("phone_number=%2B14155552671")).statusCode(), "an app sends no Origin");
        String own = http.uri("/").toString().replaceAll("/$", "");
        assertEquals(200, send(token("phone_number=%2B14155552671").header("Origin", own)
                .header("Sec-Fetch-Site", "same-origin")).statusCode());

        HttpResponse<String> allowed = send(token("phone_number=%2B14155552671").header("Origin", ALLOWED_ORIGIN)
                .header("Sec-Fetch-Site", "cross-site"));
        assertEquals(200, allowed.statusCode(), allowed.body());
        assertEquals(ALLOWED_ORIGIN, allowed.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());

        HttpResponse<String> preflight = send(HttpRequest.newBuilder(http.uri("/verify/token"))
                .header("Origin", ALLOWED_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, preflight.statusCode(), preflight.body());
        assertEquals(ALLOWED_ORIGIN, preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow().contains("POST"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "a,-", "en-", ";q=1", "*-*-*", "zh-TW;q=x"})
    void ignoresAnAcceptLanguageItCannotRead(String header) {
        HttpResponse<String> response = send(token("phone_number=%2B14155552671").header("Accept-Language", header));
        if (response.statusCode() != 200) {
            // RESTEasy (WildFly, Open Liberty) reads Accept-Language itself and refuses an unreadable q value: a 400 problem
            assertTrue(Set.of("wildfly", "openliberty").contains(System.getProperty("arquillian.launch")),
                    response.body());
            problem(response, 400);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.1.1.1", "::ffff:zz", "1.2.3.4.5", "[::1", "999.1.1.1, a.b.c.d"})
    void readsAnyForwardedForWithoutFailing(String header) {
        assertEquals(200, send(token("phone_number=%2B14155552671").header("X-Forwarded-For", header)).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"x\":[", "{\"x\":{\"y\":[1,", "{\"phone_number\":\"+14155552671\",\"x\":[["})
    void answersAJsonBodyCutShortInsideAnIgnoredValue(String body) {
        // the parser's own skipping spun for ever on these, holding a server thread at full CPU
        JsonObject problem = problem(http.postJson(body), 400);
        assertEquals("urn:verify-token:problem:malformed-body", problem.getString("type"));
    }
}
