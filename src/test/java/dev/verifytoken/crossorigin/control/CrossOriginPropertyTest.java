package dev.verifytoken.crossorigin.control;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/** Whatever Origin, Sec-Fetch-Site and Host say, the guard lets the request through or refuses it: nothing else. */
class CrossOriginPropertyTest {

    private final CrossOriginGuard guard;

    CrossOriginPropertyTest() {
        CrossOriginSettings settings = new CrossOriginSettings();
        settings.read(Optional.of("https://app.example.com, http://localhost:3000"));
        guard = new CrossOriginGuard(settings);
    }

    @Property(tries = 3000)
    void anyHeadersAreAllowedOrRefused(@ForAll("origins") String origin, @ForAll("sites") String site,
                                       @ForAll("origins") String host) {
        try {
            guard.check(origin, site, host);
        } catch (CrossOriginRefusedException refused) {
            // a 403, as it may be
        }
        guard.isAllowedOrigin(origin);
    }

    @Property
    void anyTextIsAnOriginOrNot(@ForAll String text) {
        assertDoesNotThrow(() -> new CrossOriginSettings().read(Optional.of(text)));
        assertDoesNotThrow(() -> Origins.canonical(text));
    }

    @Provide
    Arbitrary<String> origins() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("htps:/aplex.com0123456789[]:-").ofMaxLength(40),
                Arbitraries.of("https://app.example.com", "null", "https://app.example.com:99999", "app.example.com"));
    }

    @Provide
    Arbitrary<String> sites() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of("same-origin", "same-site", "cross-site",
                "none", "CROSS-SITE"), Arbitraries.strings().ofMaxLength(15));
    }
}
