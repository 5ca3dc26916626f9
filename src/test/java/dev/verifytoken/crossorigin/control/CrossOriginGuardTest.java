package dev.verifytoken.crossorigin.control;

import dev.verifytoken.configuration.control.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrossOriginGuardTest {

    private static CrossOriginGuard guard(String allowedOrigins) {
        CrossOriginSettings settings = new CrossOriginSettings(allowedOrigins == null ? TestConfig.of()
                : TestConfig.of(CrossOriginSettings.ALLOWED_ORIGINS, allowedOrigins));
        assertTrue(settings.problems().isEmpty(), settings.problems().toString());
        return new CrossOriginGuard(settings);
    }

    @ParameterizedTest(name = "Origin [{0}], Sec-Fetch-Site [{1}], Host [{2}]: allowed")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            none                          | none        | api.example.com
            none                          | none        | none
            none                          | none-       | api.example.com
            none                          | same-origin | api.example.com
            none                          | none        | api.example.com
            https://api.example.com       | same-origin | api.example.com
            https://api.example.com       | none        | api.example.com
            https://API.example.com:443   | none        | api.example.com
            http://localhost:8080         | none        | localhost:8080
            http://127.0.0.1:18080        | none        | 127.0.0.1:18080
            https://app.example.com       | cross-site  | api.example.com
            https://App.Example.com:443   | cross-site  | api.example.com
            https://evil.example          | same-origin | api.example.com
            """)
    void letsAppsTheServicesOwnPagesAndAllowedOriginsThrough(String origin, String fetchSite, String host) {
        CrossOriginGuard guard = guard("https://app.example.com, http://localhost:3000");
        assertDoesNotThrow(() -> guard.check(origin, fetchSite, host));
    }

    @ParameterizedTest(name = "Origin [{0}], Sec-Fetch-Site [{1}], Host [{2}]: refused")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            https://evil.example          | cross-site  | api.example.com
            https://evil.example          | none        | api.example.com
            https://app.example.com.evil  | cross-site  | api.example.com
            http://app.example.com        | cross-site  | api.example.com
            https://app.example.com:8443  | cross-site  | api.example.com
            null                          | cross-site  | api.example.com
            null                          | none        | api.example.com
            none                          | cross-site  | api.example.com
            none                          | same-site   | api.example.com
            https://www.example.com       | same-site   | api.example.com
            https://api.example.com.evil  | none        | api.example.com
            https://api.example.com       | none        | none
            ' '                           | none        | api.example.com
            https://api.example.com/path  | none        | api.example.com
            """)
    void refusesPagesOfOtherSites(String origin, String fetchSite, String host) {
        CrossOriginGuard guard = guard("https://app.example.com, http://localhost:3000");
        CrossOriginRefusedException refused = assertThrows(CrossOriginRefusedException.class,
                () -> guard.check(origin, fetchSite, host));
        assertEquals(403, refused.problem().status());
    }

    @Test
    void allowsNoOtherOriginByDefault() {
        CrossOriginGuard guard = guard(null);
        assertThrows(CrossOriginRefusedException.class, () -> guard.check("https://app.example.com", "cross-site",
                "api.example.com"));
        assertFalse(guard.isAllowedOrigin("https://app.example.com"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            *                          | 1
            https://app.example.com/   | 1
            app.example.com            | 1
            ftp://app.example.com      | 1
            https://app.example.com:0  | 1
            'https://a.example, *'     | 1
            https://a.example/x, nope  | 2
            """)
    void reportsAnythingThatIsNotAnOrigin(String value, int problems) {
        CrossOriginSettings settings = new CrossOriginSettings(TestConfig.of(CrossOriginSettings.ALLOWED_ORIGINS,
                value));
        assertEquals(problems, settings.problems().size(), settings.problems().toString());
        assertEquals("cors.allowed-origins", settings.problems().get(0).property());
    }
}
