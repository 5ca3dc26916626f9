package dev.verifytoken.benchmark;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code POST /verify/noop}: reads the body and answers a constant token-sized JSON, through the same server,
 * JAX-RS application and filters as {@code POST /verify/token}. The yardstick of the HTTP benchmark; only in
 * the benchmark WAR that benchmark/run.sh builds, never in target/verify-token.war.
 */
@ApplicationScoped
@Path("noop")
public class NoOpResource {

    private static final String ANSWER = "{\"jwt_token\":\"" + "x".repeat(190) + "\"}";

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response answer(InputStream body) throws IOException {
        body.readNBytes(4097);
        return Response.ok(ANSWER, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
