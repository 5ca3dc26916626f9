package dev.verifytoken.token.entity;

/**
 * Who asks for a token, as the HTTP request tells: the connection's remote address and the headers that
 * matter to the decision (each may be null).
 */
public record Caller(String remoteAddress, String forwardedFor, String acceptLanguage, String authorization) {
}
