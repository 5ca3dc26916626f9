package dev.verifytoken.it;

import dev.verifytoken.token.control.IssuedTokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document the server serves describes POST /verify/token as it behaves: both request
 * encodings, whose examples the service accepts; the answer, whose example has the token's shape; and
 * every problem status, with the problem media type.
 */
class OpenApiIT extends DeployedServiceCase {

    private static final Set<String> STATUSES = Set.of("200", "400", "401", "403", "405", "406", "408", "413", "415",
            "429", "503");

    private JsonObject document;
    private JsonObject operation;

    @BeforeEach
    void document() {
        ServerFeatures.assumeOpenApi();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/openapi"))
                .header("Accept", "application/json").GET());
        assertEquals(200, response.statusCode(), response.body());
        document = Http.json(response);
        operation = resolved(document.getJsonObject("paths").getJsonObject("/verify/token").getJsonObject("post"))
                .asJsonObject();
    }

    /** The value with every {@code $ref} to a component replaced by the component, as a reader of the document sees it. */
    private JsonValue resolved(JsonValue value) {
        if (value instanceof JsonObject object) {
            if (object.size() == 1 && object.containsKey("$ref")) {
                JsonValue target = document;
                for (String part : object.getString("$ref").substring(2).split("/")) {
                    target = target.asJsonObject().get(part);
                }
                return resolved(target);
            }
            JsonObjectBuilder copy = Json.createObjectBuilder();
            object.forEach((name, member) -> copy.add(name, resolved(member)));
            return copy.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder copy = Json.createArrayBuilder();
            array.forEach(item -> copy.add(resolved(item)));
            return copy.build();
        }
        return value;
    }

    @Test
    void describesTheTokenOfEachAppWithTheSameFieldsAndAnswersAndA404() {
        JsonObject app = resolved(document.getJsonObject("paths").getJsonObject("/verify/apps/{app}/token")
                .getJsonObject("post")).asJsonObject();
        assertEquals(operation.getJsonObject("requestBody"), app.getJsonObject("requestBody"));
        JsonObject responses = app.getJsonObject("responses");
        assertTrue(responses.keySet().containsAll(STATUSES), responses.keySet().toString());
        assertTrue(responses.getJsonObject("404").getJsonObject("content").containsKey("application/problem+json"));
        assertTrue(app.getJsonArray("parameters").stream().map(JsonValue::asJsonObject)
                .anyMatch(p -> p.getString("name").equals("app") && p.getString("in").equals("path")));
        JsonObject unknown = Http.json(http.post("/verify/apps/nosuch/token", Http.FORM, "phone_number=%2B14155552671"));
        assertEquals(responses.getJsonObject("404").getJsonObject("content").getJsonObject("application/problem+json")
                .getJsonObject("examples").getJsonObject("unknown-app").getJsonObject("value").getString("type"),
                unknown.getString("type"));
    }

    @Test
    void describesBothRequestEncodings() {
        JsonObject content = operation.getJsonObject("requestBody").getJsonObject("content");
        assertEquals(Set.of("application/x-www-form-urlencoded", "application/json"), content.keySet());
    }

    @Test
    void describesEveryAnswer() {
        JsonObject responses = operation.getJsonObject("responses");
        assertTrue(responses.keySet().containsAll(STATUSES), responses.keySet().toString());
        assertTrue(responses.getJsonObject("200").getJsonObject("content").containsKey("application/json"));
        for (String status : responses.keySet()) {
            if (!status.equals("200")) {
                assertTrue(responses.getJsonObject(status).getJsonObject("content")
                        .containsKey("application/problem+json"), status);
            }
        }
    }

    @Test
    void theServiceAcceptsEveryRequestExample() throws Exception {
        JsonObject content = operation.getJsonObject("requestBody").getJsonObject("content");
        int replayed = 0;
        for (String type : content.keySet()) {
            JsonObject examples = content.getJsonObject(type).getJsonObject("examples");
            assertFalse(examples.isEmpty(), type);
            for (JsonValue example : examples.values()) {
                JsonObject value = example.asJsonObject().getJsonObject("value");
                String body = type.equals("application/json") ? value.toString() : form(value);
                HttpResponse<String> response = http.post("/verify/token", type, body);
                assertEquals(200, response.statusCode(), type + " " + body + ": " + response.body());
                JsonObject claims = IssuedTokens.verifiedClaims(Http.json(response).getString("jwt_token"),
                        ServerConfigFile.key());
                assertTrue(claims.getString("phone_number").startsWith("+"));
                replayed++;
            }
        }
        assertTrue(replayed >= 4);
    }

    @Test
    void theAnswerExampleHasTheShapeOfAToken() {
        JsonObject example = operation.getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("examples").getJsonObject("token")
                .getJsonObject("value");
        String token = example.getString("jwt_token");
        assertEquals(3, token.split("\\.").length);
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"app_id\":") && claims.contains("\"phone_number\":"), claims);
    }

    @Test
    void problemExamplesUseTheTypesTheServiceAnswersWith() {
        List<String> types = problemExampleTypes();
        assertTrue(types.contains("urn:verify-token:problem:invalid-request"), types.toString());
        assertTrue(types.contains("urn:verify-token:problem:country-refused"), types.toString());
        JsonObject invalid = Http.json(http.postForm("phone_number=%2B1415"));
        assertTrue(types.contains(invalid.getString("type")), invalid.toString());
        JsonObject refused = Http.json(http.postForm("phone_number=%2B19002345678"));
        assertTrue(types.contains(refused.getString("type")), refused.toString());
    }

    private List<String> problemExampleTypes() {
        JsonObject responses = operation.getJsonObject("responses");
        List<String> types = new ArrayList<>();
        for (String status : responses.keySet()) {
            JsonObject problem = responses.getJsonObject(status).getJsonObject("content")
                    .getJsonObject("application/problem+json");
            if (problem != null && problem.containsKey("examples")) {
                problem.getJsonObject("examples").values()
                        .forEach(e -> types.add(e.asJsonObject().getJsonObject("value").getString("type")));
            }
        }
        return types;
    }

    private static String form(JsonObject value) {
        return value.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(((JsonString) e.getValue()).getString(),
                        StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
