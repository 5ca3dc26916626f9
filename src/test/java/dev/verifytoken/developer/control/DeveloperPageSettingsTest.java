package dev.verifytoken.developer.control;

import dev.verifytoken.configuration.control.TestConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeveloperPageSettingsTest {

    @ParameterizedTest(name = "developer-page.enabled=[{0}]: on={1}, problems={2}")
    @CsvSource(delimiter = '|', nullValues = "unset", textBlock = """
            unset  | true  | 0
            ''     | true  | 0
            true   | true  | 0
            ' TRUE '| true | 0
            false  | false | 0
            False  | false | 0
            no     | false | 1
            off    | false | 1
            0      | false | 1
            yes    | false | 1
            """)
    void isOnOnlyWhenUnsetOrTrueAndReportsAnythingElse(String value, boolean enabled, int problems) {
        DeveloperPageSettings settings = new DeveloperPageSettings(value == null ? TestConfig.of()
                : TestConfig.of(DeveloperPageSettings.ENABLED, value));
        assertEquals(enabled, settings.enabled());
        assertEquals(problems, settings.problems().size());
        if (problems > 0) {
            assertEquals("developer-page.enabled", settings.problems().get(0).property());
        }
    }
}
