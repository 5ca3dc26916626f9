package dev.verifytoken.ratelimit.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpAddressTest {

    private static IpAddress address(String text) {
        return IpAddress.parse(text).orElseThrow(() -> new AssertionError("not read as an address: " + text));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            198.51.100.7                  | 198.51.100.7
            ::ffff:198.51.100.7           | 198.51.100.7
            ::FFFF:c633:6407              | 198.51.100.7
            0:0:0:0:0:ffff:c633:6407      | 198.51.100.7
            [::ffff:198.51.100.7]         | 198.51.100.7
            198.51.100.7:4711             | 198.51.100.7
            [::ffff:c633:6407]:443        | 198.51.100.7
            ' 198.51.100.7 '              | 198.51.100.7
            2001:DB8:0:0:0:0:0:1          | 2001:db8::1
            2001:0db8::0001               | 2001:db8::1
            [2001:db8::1]:8080            | 2001:db8::1
            2001:db8:0:0:1:0:0:1          | 2001:db8::1:0:0:1
            2001:db8:0:1:1:1:1:1          | 2001:db8:0:1:1:1:1:1
            0:0:0:0:0:0:0:0               | ::
            1:0:0:0:0:0:0:0               | 1::
            0:0:0:0:0:0:0:1               | ::1
            """)
    void readsEverySpellingOfAnAddressAsOneCanonicalAddress(String text, String canonical) {
        assertEquals(canonical, address(text).toString());
        assertEquals(address(canonical), address(text));
    }

    @Test
    void countsAnIpv6ClientByItsNetwork() {
        assertEquals("2001:db8:1:2::/64", address("2001:db8:1:2:aaaa::1").clientKey(64));
        assertEquals(address("2001:db8:1:2:aaaa::1").clientKey(64), address("2001:DB8:1:2:bbbb:0:0:2").clientKey(64));
        assertNotEquals(address("2001:db8:1:2::1").clientKey(64), address("2001:db8:1:3::1").clientKey(64));
        assertEquals("2001:db8:1::/48", address("2001:db8:1:2::1").clientKey(48));
        assertEquals("2001:db8:1:2:0:0:0:1".replace(":0:0:0:", "::"), address("2001:db8:1:2::1").clientKey(128));
        assertEquals("2001:db8:1:2:8000::/65", address("2001:db8:1:2:ffff::1").clientKey(65));
        assertEquals("198.51.100.7", address("::ffff:198.51.100.7").clientKey(64), "IPv4 is never grouped");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.1.1.1", "1.1.1", "01.1.1.1", "1.1.1.256", "1.2.3.4.5", "localhost", "example.com",
            "fe80::1%eth0", "::1/64", "1.2.3.4:99999", "1.2.3.4:", "1.2.3.4:x", "", " ", "[::1", "[::1]x", ".:",
            "::g", "1::2::3", "0x7f.0.0.1", "2130706433", "1.2.3.4 5", "::ffff:1.2.3", ":::", "[1.2.3.4]"})
    void refusesWhatIsNotALiteralAddress(String text) {
        assertTrue(IpAddress.parse(text).isEmpty(), text);
    }
}
