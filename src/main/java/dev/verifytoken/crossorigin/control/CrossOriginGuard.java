package dev.verifytoken.crossorigin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.Optional;

/**
 * Refuses token requests that a web page of another site makes a visitor's browser send. A form POST needs no
 * CORS preflight, so without this check any page could make its visitors ask for tokens for a victim's number:
 * SMS cost for the operator, and the victim locked out by the per-number limit. Browsers say where a request
 * comes from ({@code Sec-Fetch-Site}, {@code Origin}, neither of which a page can forge); apps send neither and
 * are unaffected. A request is let through when it comes from the service's own pages (same origin), from an
 * origin the operator lists in {@code cors.allowed-origins}, or from no page at all.
 */
@ApplicationScoped
public class CrossOriginGuard {

    @Inject
    CrossOriginSettings settings;

    protected CrossOriginGuard() {
    }

    public CrossOriginGuard(CrossOriginSettings settings) {
        this.settings = settings;
    }

    /**
     * @param origin    the {@code Origin} header, or null
     * @param fetchSite the {@code Sec-Fetch-Site} header, or null
     * @param host      the {@code Host} header, or null
     * @throws CrossOriginRefusedException when a browser sends the request for a page of another origin
     */
    public void check(String origin, String fetchSite, String host) {
        String site = fetchSite == null ? null : fetchSite.strip().toLowerCase(Locale.ROOT);
        if ("same-origin".equals(site)) {
            return;
        }
        if (origin == null) {
            if ("cross-site".equals(site) || "same-site".equals(site)) {
                throw new CrossOriginRefusedException();
            }
            return;
        }
        if (isSameOrigin(origin, host) || settings.allows(origin)) {
            return;
        }
        throw new CrossOriginRefusedException();
    }

    /** Whether the origin names the host the request was sent to (whatever the scheme a proxy in front ends). */
    static boolean isSameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        Optional<String> authority = Origins.authority(origin);
        if (authority.isEmpty()) {
            return false;
        }
        String requested = host.strip().toLowerCase(Locale.ROOT);
        String target = authority.get();
        return target.equals(requested) || target.equals(withoutDefaultPort(requested));
    }

    private static String withoutDefaultPort(String host) {
        return host.endsWith(":80") || host.endsWith(":443") ? host.substring(0, host.lastIndexOf(':')) : host;
    }

    /** Whether the operator lists this origin, for the answers that let its pages read the result. */
    public boolean isAllowedOrigin(String origin) {
        return settings.allows(origin);
    }
}
