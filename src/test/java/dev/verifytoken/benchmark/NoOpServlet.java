package dev.verifytoken.benchmark;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /noop-servlet}: reads the body and answers the same constant JSON as {@link NoOpResource}, with a
 * plain servlet: the floor of the server itself, without JAX-RS or the API's filters. Only in the benchmark WAR.
 */
@WebServlet(urlPatterns = "/noop-servlet")
public class NoOpServlet extends HttpServlet {

    private static final byte[] ANSWER = ("{\"jwt_token\":\"" + "x".repeat(190) + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.getInputStream().readNBytes(4097);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(ANSWER.length);
        response.getOutputStream().write(ANSWER);
    }
}
