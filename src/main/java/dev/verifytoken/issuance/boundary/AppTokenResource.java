package dev.verifytoken.issuance.boundary;

import dev.verifytoken.issuance.control.TokenIssuance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;

/**
 * {@code POST /verify/apps/<app>/token}: the same as {@code POST /verify/token} ({@link TokenResource}), for one of
 * the Authy apps of {@code apps}: signed with that app's key, carrying its app id and defaults. An app not
 * served here is 404.
 */
@ApplicationScoped
@Path("apps/{app}/token")
@Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
@Produces(MediaType.APPLICATION_JSON)
public class AppTokenResource {

    @Inject
    TokenIssuance issuance;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fromForm(@PathParam("app") String app, InputStream body,
                             @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, @Context HttpServletRequest request) {
        return TokenResource.answer(issuance.issue(app, TokenResource.form(body, type), TokenResource.caller(request)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response fromJson(@PathParam("app") String app, InputStream body,
                             @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, @Context HttpServletRequest request) {
        return TokenResource.answer(issuance.issue(app, TokenResource.json(body, type), TokenResource.caller(request)));
    }
}
