package dev.verifytoken.ratelimit.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressRangeTest {

    private static IpAddress address(String text) {
        return IpAddress.parse(text).orElseThrow();
    }

    @Test
    void matchesAddressesInRanges() {
        AddressRange range = AddressRange.parse("10.0.0.0/8").orElseThrow();
        assertTrue(range.contains(address("10.200.3.4")));
        assertFalse(range.contains(address("11.0.0.1")));
        assertFalse(range.contains(address("::1")));
        AddressRange odd = AddressRange.parse("192.168.4.0/22").orElseThrow();
        assertTrue(odd.contains(address("192.168.7.255")));
        assertFalse(odd.contains(address("192.168.8.0")));
        assertTrue(AddressRange.parse("::1").orElseThrow().contains(address("0:0:0:0:0:0:0:1")));
        assertTrue(AddressRange.parse("0.0.0.0/0").orElseThrow().contains(address("203.0.113.7")));
    }

    @Test
    void matchesEverySpellingOfAnAddress() {
        AddressRange proxy = AddressRange.parse("198.51.100.7").orElseThrow();
        assertTrue(proxy.contains(address("::ffff:198.51.100.7")));
        assertTrue(proxy.contains(address("::FFFF:c633:6407")));
        AddressRange v6 = AddressRange.parse("2001:DB8::/32").orElseThrow();
        assertTrue(v6.contains(address("2001:0db8:0000::1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "10.0.0.0/33", "10.0.0", "1.2.3.4/x", "::1/129", "",
            "300.1.1.1", "a.0.0.0/8", "a.1.1.1", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/+8", "010.0.0.0/8",
            "fe80::1%eth0/64", "10.0.0.0/8/8", "/8"})
    void refusesWhatIsNotALiteralAddressOrRange(String text) {
        assertTrue(AddressRange.parse(text).isEmpty(), text);
    }
}
