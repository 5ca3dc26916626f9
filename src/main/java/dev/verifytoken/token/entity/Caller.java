package dev.verifytoken.token.entity;

import java.util.List;

/**
 * Who asks for a token, as the HTTP request tells: the connection's remote address and the headers that
 * matter to the decision (each may be null, but {@code forwardedFor}: every line of {@code X-Forwarded-For}
 * in the order received, empty when there is none).
 */
public record Caller(String remoteAddress, List<String> forwardedFor, String acceptLanguage, String authorization) {

    public Caller {
        forwardedFor = forwardedFor == null ? List.of() : List.copyOf(forwardedFor);
    }
}
