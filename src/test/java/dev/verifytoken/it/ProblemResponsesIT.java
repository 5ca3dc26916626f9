package dev.verifytoken.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bad request gets a 4xx {@code application/problem+json} answer with the right status, and no
 * answer ever contains a token, the key, a stack trace or HTML.
 */
class ProblemResponsesIT extends DeployedServiceCase {

    private final List<HttpResponse<String>> responses = new ArrayList<>();

    @AfterEach
    void noAnswerLeaksAnything() {
        for (HttpResponse<String> response : responses) {
            String body = response.body();
            assertFalse(body.contains(ServerConfigFile.key()), "the key must never be in an answer");
            assertFalse(body.contains("jwt_token"), "no token with a problem");
            assertFalse(body.toLowerCase(Locale.ROOT).contains("<html"), "no HTML: " + body);
            assertFalse(body.contains("Exception") || body.contains("\tat "), "no stack trace: " + body);
        }
    }

    private JsonObject problem(HttpResponse<String> response, int status) {
        responses.add(response);
        return Http.problem(response, status);
    }

    private static JsonObject onlyError(JsonObject problem) {
        JsonArray errors = problem.getJsonArray("errors");
        assertEquals(1, errors.size(), problem.toString());
        return errors.getJsonObject(0);
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            ''                        | missing
            ++--                      | not_a_number
            (415) 555-2671            | needs_country
            +999 1234 5678            | unknown_country_code
            +1 415                    | too_short
            +1 415 555 2671 9999 9999 | too_long
            +1 555 555 5555           | not_valid_for_country
            +1 415 555 2671 ext. 7    | has_extension
            +1 512 5O5 O1O1           | has_letters
            +1 800 FLOWERS            | has_letters
            """)
    void refusesABadNumberNamingTheReason(String number, String code) {
        JsonObject form = problem(http.postForm(Http.form("phone_number", number)), 400);
        JsonObject error = onlyError(form);
        assertEquals("phone_number", error.getString("field"));
        assertEquals(code, error.getString("code"));
        assertFalse(error.getString("detail").isBlank());
        assertTrue(form.getString("detail").contains("phone_number"), form.toString());

        String json = "{\"phone_number\":\"" + number + "\"}";
        assertEquals(code, onlyError(problem(http.postJson(json), 400)).getString("code"));
    }

    @Test
    void refusesAMissingNumber() {
        assertEquals("missing", onlyError(problem(http.postForm("country=US"), 400)).getString("code"));
        assertEquals("missing", onlyError(problem(http.postJson("{}"), 400)).getString("code"));
        assertEquals("missing", onlyError(problem(http.postForm(""), 400)).getString("code"));
    }

    @Test
    void namesEachBadFieldAtOnce() {
        JsonObject problem = problem(http.postForm(Http.form("phone_number", "++--", "country", "XX",
                "locale", "xx", "via", "email")), 400);
        JsonArray errors = problem.getJsonArray("errors");
        assertEquals(List.of("phone_number", "country", "via", "locale"),
                errors.stream().map(e -> e.asJsonObject().getString("field")).toList());
        assertEquals(List.of("not_a_number", "unknown_country", "unknown_via", "unsupported_locale"),
                errors.stream().map(e -> e.asJsonObject().getString("code")).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "zh-TW", "klingon", "en_US"})
    void refusesUnsupportedLocales(String locale) {
        JsonObject error = onlyError(problem(http.postForm(Http.form("phone_number", "+14155552671",
                "locale", locale)), 400));
        assertEquals("locale", error.getString("field"));
        assertEquals("unsupported_locale", error.getString("code"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "[{\"phone_number\":\"+14155552671\"}]", "\"+14155552671\"", "14155552671",
            "null", "{\"phone_number\":\"+14155552671\"} {}", "{'phone_number':'+14155552671'}"})
    void refusesMalformedJson(String body) {
        JsonObject problem = problem(http.postJson(body), 400);
        assertTrue(problem.getString("type").endsWith("malformed-body"), problem.toString());
    }

    @Test
    void refusesWronglyTypedJsonFields() {
        JsonObject number = onlyError(problem(http.postJson("{\"phone_number\":14155552671}"), 400));
        assertEquals("not_a_string", number.getString("code"));
        JsonObject nested = onlyError(problem(http.postJson("{\"phone_number\":{\"n\":\"+14155552671\"}}"), 400));
        assertEquals("not_a_string", nested.getString("code"));
        JsonObject array = onlyError(problem(http.postJson("{\"phone_number\":[\"+14155552671\"]}"), 400));
        assertEquals("not_a_string", array.getString("code"));
        JsonObject via = onlyError(problem(http.postJson("{\"phone_number\":\"+14155552671\",\"via\":1}"), 400));
        assertEquals("via", via.getString("field"));
    }

    @Test
    void refusesFieldsGivenTwice() {
        assertEquals("duplicate", onlyError(problem(http.postForm("phone_number=%2B14155552671&phone_number=%2B1"),
                400)).getString("code"));
        assertEquals("duplicate", onlyError(problem(http.postJson(
                "{\"phone_number\":\"+14155552671\",\"phone_number\":\"+1\"}"), 400)).getString("code"));
    }

    @Test
    void refusesBrokenEncodings() {
        problem(http.postForm("phone_number=%ZZ"), 400);
        problem(http.send(HttpRequest.newBuilder(http.uri("/verify/token")).header("Content-Type", Http.JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{'{', '"', (byte) 0xC3, '"', '}'}))), 400);
    }

    @Test
    void refusesABodyOverTheLimit() {
        String big = "phone_number=%2B14155552671&padding=" + "x".repeat(5000);
        JsonObject problem = problem(http.postForm(big), 413);
        assertEquals(4096, problem.getInt("max_bytes"));
        problem(http.postJson("{\"phone_number\":\"+14155552671\",\"x\":\"" + "y".repeat(10_000) + "\"}"), 413);
    }

    @Test
    void refusesAChunkedBodyOverTheLimit() {
        byte[] big = ("phone_number=%2B14155552671&padding=" + "x".repeat(100_000)).getBytes();
        // a stream publisher has no length, so the body goes chunked, without Content-Length
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/verify/token"))
                .header("Content-Type", Http.FORM)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        problem(response, 413);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "multipart/form-data; boundary=x",
            "application/octet-stream"})
    void refusesOtherContentTypes(String type) {
        JsonObject problem = problem(http.post("/verify/token", type, "phone_number=%2B14155552671"), 415);
        assertTrue(problem.getString("detail").contains("application/json"), problem.toString());
    }

    @Test
    void refusesAnUnknownCharset() {
        problem(http.post("/verify/token", "application/json; charset=klingon", "{}"), 415);
    }

    @Test
    void refusesABodyWithoutContentType() {
        problem(http.send(HttpRequest.newBuilder(http.uri("/verify/token"))
                .POST(HttpRequest.BodyPublishers.ofString("phone_number=%2B14155552671"))), 415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH"})
    void refusesOtherMethodsSayingWhichIsAllowed(String method) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/verify/token"))
                .method(method, HttpRequest.BodyPublishers.noBody()));
        problem(response, 405);
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("POST"), response.headers().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/verify/nothing", "/verify", "/nothing", "/verify/token/more", "/problem-error-page"})
    void answersUnknownPathsWithProblem404(String path) {
        problem(http.get(path), 404);
        problem(http.post(path, Http.FORM, "phone_number=%2B14155552671"), 404);
    }

    @Test
    void neverServesTheDeploymentDescriptors() {
        HttpResponse<String> response = http.get("/WEB-INF/web.xml");
        if ("wildfly".equals(System.getProperty("arquillian.launch"))) {
            // Undertow answers requests for WEB-INF itself, before any error page: a 404, in its own HTML
            assertEquals(404, response.statusCode());
            assertFalse(response.body().contains("<web-app"));
        } else {
            problem(response, 404);
        }
    }

    @Test
    void refusesToAnswerInAFormatTheClientDoesNotAccept() {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/verify/token"))
                .header("Content-Type", Http.FORM).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("phone_number=%2B14155552671")));
        problem(response, 406);
    }

    @Test
    void problemsAreNotCached() {
        HttpResponse<String> response = http.postForm("phone_number=hello");
        problem(response, 400);
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
    }
}
