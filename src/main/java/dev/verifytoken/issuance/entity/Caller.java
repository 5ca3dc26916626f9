package dev.verifytoken.issuance.entity;

import java.util.List;

/**
 * Who asks for a token, as the HTTP request tells: the connection's remote address and the headers that
 * matter to the decision (each may be null, but {@code forwardedFor}: every line of {@code X-Forwarded-For}
 * in the order received, empty when there is none).
 *
 * @param origin    the {@code Origin} header: the web page a browser sends the request for
 * @param fetchSite the {@code Sec-Fetch-Site} header: how that page relates to this service, as the browser says
 * @param host      the {@code Host} header: the host the request was sent to
 */
public record Caller(String remoteAddress, List<String> forwardedFor, String acceptLanguage, String authorization,
                     String origin, String fetchSite, String host) {

    public Caller {
        forwardedFor = forwardedFor == null ? List.of() : List.copyOf(forwardedFor);
    }

    /** A caller that is no browser page: an app, as most callers are. */
    public Caller(String remoteAddress, List<String> forwardedFor, String acceptLanguage, String authorization) {
        this(remoteAddress, forwardedFor, acceptLanguage, authorization, null, null, null);
    }
}
