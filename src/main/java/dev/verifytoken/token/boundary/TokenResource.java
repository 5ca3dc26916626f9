package dev.verifytoken.token.boundary;

import dev.verifytoken.configuration.control.Configuration;
import dev.verifytoken.policy.control.PolicyEnforcer;
import dev.verifytoken.token.control.TokenFactory;
import dev.verifytoken.token.control.TokenRequestValidator;
import dev.verifytoken.token.entity.TokenRequest;
import dev.verifytoken.token.entity.TokenRequestFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;

/**
 * {@code POST /verify/token}: the phone number a user typed in, a token for the Twilio Verification
 * SDK out, as {@code {"jwt_token": "..."}}. Takes form-encoded and JSON bodies with the same fields.
 */
@ApplicationScoped
@Path("token")
@Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    Configuration configuration;

    @Inject
    TokenRequestValidator validator;

    @Inject
    PolicyEnforcer policy;

    @Inject
    TokenFactory tokens;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fromForm(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return issue(FormBody.read(RequestBody.read(body, type)), acceptLanguage);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response fromJson(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return issue(JsonBody.read(RequestBody.read(body, type)), acceptLanguage);
    }

    private Response issue(TokenRequestFields fields, String acceptLanguage) {
        TokenRequest checked = validator.validate(fields, configuration.settings());
        TokenRequest decided = policy.apply(configuration.policy(), checked, acceptLanguage);
        String token = tokens.create(decided);
        return Response.ok("{\"jwt_token\":\"" + token + "\"}", MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
