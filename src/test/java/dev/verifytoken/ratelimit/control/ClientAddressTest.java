package dev.verifytoken.ratelimit.control;

import dev.verifytoken.ratelimit.entity.AddressRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {

    private static final List<AddressRange> PROXIES = List.of(AddressRange.parse("10.0.0.0/8").orElseThrow(),
            AddressRange.parse("192.0.2.1").orElseThrow(), AddressRange.parse("2001:db8::/32").orElseThrow());

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
            10.1.2.3    | '  '                                | 10.1.2.3
            2001:db8::5 | 2001:db8::9, 2a00:1450::1           | 2a00:1450::1
            2001:db9::5 | 198.51.100.1                        | 2001:db9::5
            """)
    void trustsTheHeaderOnlyFromTrustedProxies(String remote, String forwardedFor, String client) {
        assertEquals(client, ClientAddress.of(remote, forwardedFor, PROXIES));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1 | 198.51.100.1
            10.1.2.3  | 198.51.100.1
            """)
    void neverReadsTheHeaderWhenNoProxyIsTrusted(String remote, String forwardedFor) {
        assertEquals(remote, ClientAddress.of(remote, forwardedFor, List.of()));
    }
}
