package dev.verifytoken.ratelimit.control;

import dev.verifytoken.ratelimit.entity.AddressRange;
import dev.verifytoken.ratelimit.entity.IpAddress;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Whatever a client or proxy writes in X-Forwarded-For, and whatever an operator lists, nothing fails. */
class ClientAddressPropertyTest {

    private static final List<AddressRange> PROXIES = List.of(AddressRange.parse("10.0.0.0/8").orElseThrow(),
            AddressRange.parse("::1").orElseThrow());

    @Property(tries = 3000)
    void anyForwardedForGivesAClient(@ForAll("addressLike") String remote,
                                     @ForAll("headerLines") List<String> forwardedFor) {
        assertNotNull(ClientAddress.of(remote, forwardedFor, PROXIES, 64));
    }

    @Property
    void anyTextIsAnAddressOrNot(@ForAll String text) {
        IpAddress.parse(text).ifPresent(address -> assertEquals(address, IpAddress.parse(address.toString())
                .orElseThrow(), "its canonical text reads as the same address"));
        AddressRange.parse(text);
    }

    @Property(tries = 3000)
    void anyAddressLikeTextIsAnAddressOrNot(@ForAll("addressLike") String text, @ForAll("prefixes") int prefix) {
        IpAddress.parse(text).ifPresent(address -> {
            assertEquals(address, IpAddress.parse(address.toString()).orElseThrow());
            assertNotNull(address.clientKey(prefix));
        });
        AddressRange.parse(text + "/" + prefix);
    }

    @Provide
    Arbitrary<String> addressLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789abcdefABCDEF:.[]%/ ").ofMaxLength(45),
                Arbitraries.of("10.0.0.1", "::1", "::ffff:10.0.0.1", "a.1.1.1", "[::1]:80", "1.2.3.4:5"));
    }

    @Provide
    Arbitrary<List<String>> headerLines() {
        Arbitrary<String> line = Arbitraries.oneOf(addressLike(),
                addressLike().list().ofMaxSize(4).map(hops -> String.join(", ", hops)),
                Arbitraries.strings().ofMaxLength(40));
        return line.list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<Integer> prefixes() {
        return Arbitraries.integers().between(-5, 140);
    }
}
