package dev.verifytoken.ratelimit.entity;

import inet.ipaddr.HostName;
import inet.ipaddr.HostNameParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv6.IPv6Address;

import java.util.Optional;

/**
 * A literal IPv4 or IPv6 address, as a connection or a proxy's {@code X-Forwarded-For} gives it, read strictly with
 * the IPAddress library and never looked up in DNS. Every spelling of one address is the same address:
 * {@code ::ffff:198.51.100.7} and {@code ::FFFF:c633:6407} are {@code 198.51.100.7}; {@code 2001:DB8:0:0::1} is
 * {@code 2001:db8::1}. Accepted: dotted-quad IPv4 (decimal, no leading zeros, which some parsers read as octal), IPv6
 * in any RFC 4291 form, either in brackets, and a port after either ({@code 203.0.113.7:4711},
 * {@code [2001:db8::1]:443}), as some proxies write them. Anything else (host names, zone ids, hex or octal IPv4,
 * prefixes) is not an address.
 */
public final class IpAddress {

    /** The longest text read as an address: a bracketed IPv6 address with an IPv4 tail and a port. */
    private static final int MAX_LENGTH = 60;

    private static final HostNameParameters LITERALS = new HostNameParameters.Builder()
            .allowEmpty(false).allowService(false).allowPort(true).allowBracketedIPv4(false).allowBracketedIPv6(true)
            .getAddressOptionsBuilder().allowPrefix(false).allowMask(false).allowPrefixOnly(false)
            .allowEmpty(false).allowAll(false).allowSingleSegment(false).allowWildcardedSeparator(false)
            .setRangeOptions(IPAddressStringParameters.RangeParameters.NO_RANGE).allow_inet_aton(false)
            .getIPv4AddressParametersBuilder().allowLeadingZeros(false).allowBinary(false).getParentBuilder()
            .getIPv6AddressParametersBuilder().allowZone(false).allowBinary(false).allowBase85(false)
            .allowMixed(true).allow_mixed_inet_aton(false)
            .getEmbeddedIPv4AddressParametersBuilder().allowLeadingZeros(false).allowBinary(false)
            .getEmbeddedIPv4AddressParentBuilder().getParentBuilder().getParentBuilder().toParams();

    private final IPAddress address;

    IpAddress(IPAddress address) {
        IPv6Address mapped = address.isIPv6() ? address.toIPv6() : null;
        this.address = mapped != null && mapped.isIPv4Mapped() ? mapped.getEmbeddedIPv4Address() : address;
    }

    public static Optional<IpAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        HostName host = new HostName(value, LITERALS);
        return host.isValid() && host.isAddress() ? Optional.of(new IpAddress(host.asAddress())) : Optional.empty();
    }

    IPAddress address() {
        return address;
    }

    /**
     * The address as a rate-limit key: IPv4 as itself, IPv6 as the network of its first {@code ipv6Prefix} bits
     * ({@code 2001:db8:1:2::/64}), since one subscriber gets a whole /64 (or more) to pick addresses from.
     *
     * @param ipv6Prefix 1 to 128; 128 keeps the whole address
     */
    public String clientKey(int ipv6Prefix) {
        if (address.isIPv4() || ipv6Prefix >= 128) {
            return toString();
        }
        return address.toPrefixBlock(Math.max(ipv6Prefix, 0)).toCanonicalString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpAddress that && address.equals(that.address);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }

    /** The canonical text: dotted quad, or RFC 5952 IPv6. */
    @Override
    public String toString() {
        return address.toCanonicalString();
    }
}
