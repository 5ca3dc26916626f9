package dev.verifytoken.crossorigin.control;

import dev.verifytoken.configuration.control.TestConfig;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever Origin, Sec-Fetch-Site and Host say, the guard lets the request through or refuses it (nothing else is
 * thrown), and its decision keeps the rules: an app (no browser header) and a page of the service itself always pass,
 * a listed origin always passes, a page of an unlisted other site never does.
 */
class CrossOriginPropertyTest {

    private static final String ALLOWED = "https://app.example.com";
    private final CrossOriginGuard guard = new CrossOriginGuard(new CrossOriginSettings(
            TestConfig.of(CrossOriginSettings.ALLOWED_ORIGINS, ALLOWED + ", http://localhost:3000")));

    private boolean passes(String origin, String site, String host) {
        try {
            guard.check(origin, site, host);
            return true;
        } catch (CrossOriginRefusedException refused) {
            return false;
        }
    }

    @Property(tries = 3000)
    void theDecisionKeepsTheRules(@ForAll("origins") String origin, @ForAll("sites") String site,
                                  @ForAll("origins") String host) {
        boolean passes = passes(origin, site, host);
        if ("same-origin".equals(site) || (origin == null && site == null)) {
            assertTrue(passes, "the service's own page, or an app");
        }
        if (guard.isAllowedOrigin(origin)) {
            assertTrue(passes, "a listed origin");
        }
        assertEquals(passes(origin, site, host), passes, "the same headers, the same decision");
    }

    @Property(tries = 1000)
    void aPageOfAnotherSiteIsRefused(@ForAll("otherSites") String origin, @ForAll("crossSites") String site) {
        assertFalse(guard.isAllowedOrigin(origin));
        assertFalse(passes(origin, site, "api.example.com"));
        assertFalse(passes(null, site, "api.example.com"), "a browser that hides the page's origin");
    }

    @Property
    void anAppAlwaysPasses(@ForAll("origins") String host) {
        assertTrue(passes(null, null, host));
        assertTrue(passes(null, "none", host), "a user who typed the URL");
    }

    @Property
    void anyTextIsAnOriginOrNot(@ForAll String text) {
        assertDoesNotThrow(() -> new CrossOriginSettings(TestConfig.of(CrossOriginSettings.ALLOWED_ORIGINS, text)));
        assertDoesNotThrow(() -> Origins.canonical(text));
    }

    @Provide
    Arbitrary<String> origins() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("htps:/aplex.com0123456789[]:-").ofMaxLength(40),
                Arbitraries.of(ALLOWED, "null", "https://app.example.com:99999", "app.example.com"));
    }

    @Provide
    Arbitrary<String> otherSites() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)
                .filter(name -> !name.equals("app") && !name.equals("api"))
                .map(name -> "https://" + name + ".example.com");
    }

    @Provide
    Arbitrary<String> crossSites() {
        return Arbitraries.of("cross-site", "same-site", "CROSS-SITE", " cross-site ");
    }

    @Provide
    Arbitrary<String> sites() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of("same-origin", "same-site", "cross-site",
                "none", "CROSS-SITE"), Arbitraries.strings().ofMaxLength(15));
    }
}
