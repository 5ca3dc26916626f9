package dev.verifytoken.issuance.boundary;

import dev.verifytoken.issuance.control.TokenIssuance;
import dev.verifytoken.issuance.entity.Caller;
import dev.verifytoken.issuance.entity.TokenRequestFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.Collections;

/**
 * {@code POST /verify/token}: the phone number a user typed in, a token for the Twilio Verification SDK out, as
 * {@code {"jwt_token": "..."}}, for the default Authy app; {@code POST /verify/apps/<app>/token} the same for one of
 * the apps of {@code apps}. Form-encoded and JSON bodies with the same fields ({@link TokenRequestReader}).
 */
@ApplicationScoped
@Path("")
@Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    TokenIssuance issuance;

    @POST
    @Path("token")
    public String token(TokenRequestFields fields, @Context HttpServletRequest request) {
        return answer(issuance.issue(null, fields, caller(request)));
    }

    @POST
    @Path("apps/{app}/token")
    public String appToken(@PathParam("app") String app, TokenRequestFields fields,
                           @Context HttpServletRequest request) {
        return answer(issuance.issue(app, fields, caller(request)));
    }

    private static Caller caller(HttpServletRequest request) {
        return new Caller(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")),
                request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), request.getHeader(HttpHeaders.AUTHORIZATION),
                request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"), request.getHeader(HttpHeaders.HOST));
    }

    private static String answer(String token) {
        return "{\"jwt_token\":\"" + token + "\"}";
    }
}
