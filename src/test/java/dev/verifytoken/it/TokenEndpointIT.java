package dev.verifytoken.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;

import static dev.verifytoken.token.control.IssuedTokens.assertInteger;
import static dev.verifytoken.token.control.IssuedTokens.verifiedClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /verify/token on a real Payara Micro, called over HTTP as an app calls it. */
class TokenEndpointIT extends DeployedServiceCase {

    @Test
    void deploysAtTheRootContext() {
        assertEquals("/", base.getPath().isEmpty() ? "/" : base.getPath());
    }

    @Test
    void issuesATokenForAFormRequest() throws Exception {
        long before = Instant.now().getEpochSecond();
        HttpResponse<String> response = http.postForm(Http.form("phone_number", "+14155552671"));
        long after = Instant.now().getEpochSecond();

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow()
                .split(";")[0]);
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        JsonObject body = Http.json(response);
        assertEquals(Set.of("jwt_token"), body.keySet());

        JsonObject claims = verifiedClaims(body.getString("jwt_token"), ServerConfigFile.key());
        assertEquals(Set.of("app_id", "phone_number", "iat", "exp"), claims.keySet());
        assertInteger(ServerConfigFile.appId(), claims.get("app_id"));
        assertEquals("+14155552671", claims.getString("phone_number"));
        long iat = claims.getJsonNumber("iat").longValueExact();
        assertTrue(iat >= before && iat <= after, "iat is now: " + iat);
        assertInteger(iat, claims.get("iat"));
        assertInteger(iat + 3600, claims.get("exp"));
    }

    @Test
    void issuesATokenForAJsonRequest() throws Exception {
        HttpResponse<String> response = http.postJson("{\"phone_number\": \"+44 7400 123456\"}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        JsonObject claims = verifiedClaims(Http.json(response).getString("jwt_token"), ServerConfigFile.key());
        assertEquals("+447400123456", claims.getString("phone_number"));
    }

    @Test
    void readsAPlusTheClientForgotToEncode() throws Exception {
        HttpResponse<String> response = http.postForm("phone_number=+14155552671");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("+14155552671", claimsOf(response).getString("phone_number"));
    }

    @Test
    void normalisesNationalNumbersWithTheCountryField() throws Exception {
        HttpResponse<String> form = http.postForm(Http.form("phone_number", "(415) 555-2671", "country", "US"));
        assertEquals("+14155552671", claimsOf(form).getString("phone_number"));
        HttpResponse<String> json = http.postJson("{\"phone_number\":\"020 7946 0958\",\"country\":\"gb\"}");
        assertEquals("+442079460958", claimsOf(json).getString("phone_number"));
    }

    @Test
    void normalisesDigitsOfOtherScripts() throws Exception {
        HttpResponse<String> response = http.postJson("{\"phone_number\":\"+٩٧١٥٠١٢٣٤٥٦٧\"}");
        assertEquals("+971501234567", claimsOf(response).getString("phone_number"));
    }

    @Test
    void putsViaAndLocaleFromTheRequestIntoTheToken() throws Exception {
        JsonObject claims = claimsOf(http.postForm(Http.form("phone_number", "+4915123456789", "via", "call",
                "locale", "de")));
        assertEquals(Set.of("app_id", "phone_number", "iat", "exp", "via", "locale"), claims.keySet());
        assertEquals("call", claims.getString("via"));
        assertEquals("de", claims.getString("locale"));
        assertEquals(JsonValue.ValueType.STRING, claims.get("via").getValueType());

        JsonObject json = claimsOf(http.postJson(
                "{\"phone_number\":\"+5511961234567\",\"via\":\"sms\",\"locale\":\"pt-BR\",\"extra\":[1,2]}"));
        assertEquals("sms", json.getString("via"));
        assertEquals("pt-BR", json.getString("locale"));
    }

    @Test
    void acceptsAContentTypeWithACharset() throws Exception {
        HttpResponse<String> response = http.post("/verify/token", "application/json; charset=UTF-8",
                "{\"phone_number\":\"+14155552671\"}");
        assertEquals(200, response.statusCode(), response.body());
        HttpResponse<String> form = http.post("/verify/token", "application/x-www-form-urlencoded;charset=utf-8",
                "phone_number=%2B14155552671");
        assertEquals(200, form.statusCode(), form.body());
    }

    @Test
    void ignoresAnAuthorizationHeaderWhileCallerAuthenticationIsOff() throws Exception {
        HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/verify/token"))
                .header("Content-Type", Http.FORM).header("Authorization", "Bearer not-checked")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("phone_number=%2B14155552671")));
        assertEquals("+14155552671", claimsOf(response).getString("phone_number"));
    }

    private static JsonObject claimsOf(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return verifiedClaims(Http.json(response).getString("jwt_token"), ServerConfigFile.key());
    }
}
