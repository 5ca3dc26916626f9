package dev.verifytoken.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.verifytoken.token.control.IssuedTokens.assertInteger;
import static dev.verifytoken.token.control.IssuedTokens.verifiedClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verification policy over HTTP, with the policy {@link ServerConfigFile} gives the server: RU and KP
 * denied, the default refused number types, via fixed to call for FR, code length 6 for FR and IT,
 * locale es-MX for MX.
 */
class PolicyIT extends DeployedServiceCase {

    private static JsonObject forbidden(HttpResponse<String> response) {
        assertEquals(403, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow()
                .split(";")[0]);
        assertFalse(response.body().contains("jwt_token"));
        JsonObject problem = Http.json(response);
        assertEquals(403, problem.getInt("status"));
        return problem;
    }

    private static JsonObject claims(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return verifiedClaims(Http.json(response).getString("jwt_token"), ServerConfigFile.key());
    }

    @Test
    void refusesADeniedCountryNamingIt() {
        JsonObject problem = forbidden(http.postForm(Http.form("phone_number", "+7 912 345-67-89")));
        assertEquals("urn:verify-token:problem:country-refused", problem.getString("type"));
        assertEquals("RU", problem.getString("country"));
        assertTrue(problem.getString("detail").contains("RU"), problem.toString());
    }

    @Test
    void refusesAPremiumRateNumber() {
        JsonObject problem = forbidden(http.postJson("{\"phone_number\":\"+1 900 234 5678\"}"));
        assertEquals("urn:verify-token:problem:number-type-refused", problem.getString("type"));
        assertEquals("PREMIUM_RATE", problem.getString("number_type"));
        assertEquals("US", problem.getString("country"));
    }

    @Test
    void fixesViaAndCodeLengthForACountry() throws Exception {
        JsonObject claims = claims(http.postForm(Http.form("phone_number", "+33 6 12 34 56 78", "via", "sms")));
        assertEquals("call", claims.getString("via"));
        assertInteger(6, claims.get("code_length"));
    }

    @Test
    void callsAFixedLineNumber() throws Exception {
        JsonObject claims = claims(http.postForm(Http.form("phone_number", "+49 30 901820", "via", "sms")));
        assertEquals("call", claims.getString("via"));
    }

    @Test
    void choosesTheLocaleFromAcceptLanguage() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/verify/token"))
                .header("Content-Type", Http.FORM)
                .header("Accept-Language", "xx-YY, fr-CH;q=0.9, en;q=0.8")
                .POST(HttpRequest.BodyPublishers.ofString(Http.form("phone_number", "+14155552671"))));
        assertEquals("fr-CH", claims(response).getString("locale"));
    }

    @Test
    void prefersTheRequestLocaleThenAcceptLanguageThenTheCountryDefault() throws Exception {
        String mexico = Http.form("phone_number", "+52 222 123 4567");
        assertEquals("es-MX", claims(http.postForm(mexico)).getString("locale"));
        HttpResponse<String> withHeader = http.send(HttpRequest.newBuilder(http.uri("/verify/token"))
                .header("Content-Type", Http.FORM).header("Accept-Language", "en-US")
                .POST(HttpRequest.BodyPublishers.ofString(mexico)));
        assertEquals("en-US", claims(withHeader).getString("locale"));
        HttpResponse<String> withField = http.send(HttpRequest.newBuilder(http.uri("/verify/token"))
                .header("Content-Type", Http.FORM).header("Accept-Language", "en-US")
                .POST(HttpRequest.BodyPublishers.ofString(mexico + "&locale=es")));
        assertEquals("es", claims(withField).getString("locale"));
    }

    @Test
    void leavesTheLocaleOutWhenNothingChoosesOne() throws Exception {
        assertFalse(claims(http.postForm(Http.form("phone_number", "+14155552671"))).containsKey("locale"));
    }
}
