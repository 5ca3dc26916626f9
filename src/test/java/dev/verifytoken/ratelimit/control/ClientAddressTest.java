package dev.verifytoken.ratelimit.control;

import dev.verifytoken.ratelimit.entity.AddressRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {

    private static final List<AddressRange> PROXIES = List.of(AddressRange.parse("10.0.0.0/8").orElseThrow(),
            AddressRange.parse("192.0.2.1").orElseThrow(), AddressRange.parse("2001:db8::/32").orElseThrow());

    private static String client(String remote, List<String> forwardedFor) {
        return ClientAddress.of(remote, forwardedFor, PROXIES, 64);
    }

    @ParameterizedTest(name = "from {0} with X-Forwarded-For [{1}]: {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            203.0.113.7 | none                                | 203.0.113.7
            203.0.113.7 | 198.51.100.1                        | 203.0.113.7
            10.1.2.3    | none                                | 10.1.2.3
            10.1.2.3    | 198.51.100.1                        | 198.51.100.1
            10.1.2.3    | 198.51.100.66, 198.51.100.1         | 198.51.100.1
            10.1.2.3    | 198.51.100.1, 10.9.9.9              | 198.51.100.1
            10.1.2.3    | 198.51.100.1, 192.0.2.1, 10.9.9.9   | 198.51.100.1
            192.0.2.1   | 198.51.100.1                        | 198.51.100.1
            192.0.2.2   | 198.51.100.1                        | 192.0.2.2
            10.1.2.3    | 10.9.9.9, 10.8.8.8                  | 10.9.9.9
            10.1.2.3    | evil.example, 198.51.100.1          | 198.51.100.1
            10.1.2.3    | 198.51.100.1, not-an-address        | 10.1.2.3
            10.1.2.3    | 198.51.100.1, a.1.1.1               | 10.1.2.3
            10.1.2.3    | a.1.1.1                             | 10.1.2.3
            10.1.2.3    | '  '                                | 10.1.2.3
            10.1.2.3    | ,,198.51.100.1,,                    | 198.51.100.1
            10.1.2.3    | 198.51.100.1:4711                   | 198.51.100.1
            10.1.2.3    | ::ffff:198.51.100.1                 | 198.51.100.1
            ::ffff:10.1.2.3 | 198.51.100.1                    | 198.51.100.1
            2001:db8::5 | 2001:db8::9, 2a00:1450::1           | 2a00:1450::/64
            2001:db8::5 | [2a00:1450::1]:443                  | 2a00:1450::/64
            2001:db9::5 | 198.51.100.1                        | 2001:db9::/64
            """)
    void trustsTheHeaderOnlyFromTrustedProxies(String remote, String forwardedFor, String client) {
        assertEquals(client, client(remote, forwardedFor == null ? List.of() : List.of(forwardedFor)));
    }

    @Test
    void readsEveryLineOfTheHeaderInOrderAsOneList() {
        // the client wrote the first line; the trusted proxy appended its own line with the address it saw
        assertEquals("198.51.100.1", client("10.1.2.3", List.of("203.0.113.66", "198.51.100.1")));
        assertEquals("198.51.100.1", client("10.1.2.3", List.of("203.0.113.66, 10.9.9.9", "198.51.100.1")));
        assertEquals("198.51.100.1", client("10.1.2.3", List.of("198.51.100.1", "10.9.9.9")));
    }

    @Test
    void countsEverySpellingOfOneClientAsOneClient() {
        for (String spelling : List.of("198.51.100.7", "::ffff:198.51.100.7", "::FFFF:c633:6407",
                "0:0:0:0:0:ffff:c633:6407")) {
            assertEquals("198.51.100.7", client(spelling, List.of()), spelling);
            assertEquals("198.51.100.7", client("10.0.0.1", List.of(spelling)), spelling);
        }
        assertEquals("2a00:1450:1:2::/64", client("2A00:1450:1:2:0:0:0:1", List.of()));
        assertEquals("2a00:1450:1:2::/64", client("2a00:1450:1:2:dead:beef:1:2", List.of()),
                "one subscriber's /64 is one client");
        assertEquals("2a00:1450:1:2::7", ClientAddress.of("2a00:1450:1:2::7", List.of(), PROXIES, 128));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1 | 198.51.100.1
            10.1.2.3  | 198.51.100.1
            """)
    void neverReadsTheHeaderWhenNoProxyIsTrusted(String remote, String forwardedFor) {
        assertEquals(remote, ClientAddress.of(remote, List.of(forwardedFor), List.of(), 64));
    }
}
