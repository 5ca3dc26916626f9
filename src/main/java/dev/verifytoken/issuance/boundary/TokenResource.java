package dev.verifytoken.issuance.boundary;

import dev.verifytoken.issuance.control.TokenIssuance;
import dev.verifytoken.issuance.entity.Caller;
import dev.verifytoken.issuance.entity.TokenRequestFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.util.Collections;
import java.util.function.Supplier;

/**
 * {@code POST /verify/token}: the phone number a user typed in, a token for the Twilio Verification
 * SDK out, as {@code {"jwt_token": "..."}}, for the default Authy app. Takes form-encoded and JSON bodies with the
 * same fields. ({@link AppTokenResource} is the same for the other apps.)
 */
@ApplicationScoped
@Path("token")
@Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    TokenIssuance issuance;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fromForm(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
                             @Context HttpServletRequest request) {
        return answer(issuance.issue(null, form(body, type), caller(request)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response fromJson(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
                             @Context HttpServletRequest request) {
        return answer(issuance.issue(null, json(body, type), caller(request)));
    }

    static Supplier<TokenRequestFields> form(InputStream body, MediaType type) {
        return () -> FormBody.read(RequestBody.read(body, type), RequestBody.charset(type));
    }

    static Supplier<TokenRequestFields> json(InputStream body, MediaType type) {
        return () -> JsonBody.read(RequestBody.read(body, type));
    }

    static Caller caller(HttpServletRequest request) {
        return new Caller(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")),
                request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), request.getHeader(HttpHeaders.AUTHORIZATION),
                request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"), request.getHeader(HttpHeaders.HOST));
    }

    static Response answer(String token) {
        return Response.ok("{\"jwt_token\":\"" + token + "\"}", MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
