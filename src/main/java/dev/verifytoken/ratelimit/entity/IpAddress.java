package dev.verifytoken.ratelimit.entity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A literal IPv4 or IPv6 address, as a connection or a proxy's {@code X-Forwarded-For} gives it, read strictly
 * and never looked up in DNS. Every spelling of one address is the same address: {@code ::ffff:198.51.100.7}
 * and {@code ::FFFF:c633:6407} are {@code 198.51.100.7}; {@code 2001:DB8:0:0::1} is {@code 2001:db8::1}.
 * <p>
 * Accepted: dotted-quad IPv4 (decimal, no leading zeros, which some parsers read as octal), IPv6 in any RFC 4291
 * form, either in brackets, and a port after either ({@code 203.0.113.7:4711}, {@code [2001:db8::1]:443}), as
 * some proxies write them. Anything else (host names, zone ids, hex or octal IPv4) is not an address.
 */
public final class IpAddress {

    /** The longest text read as an address: a bracketed IPv6 address with an IPv4 tail and a port. */
    private static final int MAX_LENGTH = 60;

    private final byte[] bytes;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Optional<IpAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (value.charAt(0) == '[') {
            int close = value.indexOf(']');
            if (close < 0 || !isPortOrNothing(value.substring(close + 1))) {
                return Optional.empty();
            }
            return ipv6(value.substring(1, close));
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            return ipv4(value).map(IpAddress::new);
        }
        if (colon == value.lastIndexOf(':')) {
            // one colon: an IPv4 address with a port
            return isPortOrNothing(value.substring(colon)) ? ipv4(value.substring(0, colon)).map(IpAddress::new)
                    : Optional.empty();
        }
        return ipv6(value);
    }

    private static boolean isPortOrNothing(String text) {
        if (text.isEmpty()) {
            return true;
        }
        if (text.charAt(0) != ':' || text.length() < 2 || text.length() > 6) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return Integer.parseInt(text.substring(1)) <= 65535;
    }

    /** Dotted-quad decimal only: four parts of 1 to 3 digits, at most 255, no leading zero. */
    private static Optional<byte[]> ipv4(String text) {
        byte[] address = new byte[4];
        int part = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '.') {
                int length = i - start;
                if (part > 3 || length < 1 || length > 3 || (length > 1 && text.charAt(start) == '0')) {
                    return Optional.empty();
                }
                int value = 0;
                for (int j = start; j < i; j++) {
                    char c = text.charAt(j);
                    if (c < '0' || c > '9') {
                        return Optional.empty();
                    }
                    value = value * 10 + (c - '0');
                }
                if (value > 255) {
                    return Optional.empty();
                }
                address[part++] = (byte) value;
                start = i + 1;
            }
        }
        return part == 4 ? Optional.of(address) : Optional.empty();
    }

    private static Optional<IpAddress> ipv6(String text) {
        if (text.indexOf(':') < 0 || text.charAt(0) == '.') {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':'
                    || c == '.';
            if (!allowed) {
                return Optional.empty();
            }
        }
        int dot = text.indexOf('.');
        if (dot >= 0 && ipv4(text.substring(text.lastIndexOf(':') + 1)).isEmpty()) {
            return Optional.empty();
        }
        try {
            // a text with a colon is parsed as an IPv6 literal or refused: never a DNS look-up. IPv4-mapped
            // addresses (::ffff:a.b.c.d) come back as the IPv4 address.
            return Optional.of(new IpAddress(InetAddress.getByName(text).getAddress()));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** 4 bytes for IPv4, 16 for IPv6. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean isIpv4() {
        return bytes.length == 4;
    }

    /**
     * The address as a rate-limit key: IPv4 as itself, IPv6 as the network of its first {@code ipv6Prefix} bits
     * ({@code 2001:db8:1:2::/64}), since one subscriber gets a whole /64 (or more) to pick addresses from.
     *
     * @param ipv6Prefix 1 to 128; 128 keeps the whole address
     */
    public String clientKey(int ipv6Prefix) {
        if (isIpv4()) {
            return toString();
        }
        if (ipv6Prefix >= 128) {
            return ipv6Text(bytes);
        }
        byte[] network = Arrays.copyOf(bytes, 16);
        for (int bit = ipv6Prefix; bit < 128; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return ipv6Text(network) + "/" + ipv6Prefix;
    }

    /** RFC 5952 text: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
    private static String ipv6Text(byte[] address) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (address[2 * i] & 0xFF) << 8 | address[2 * i + 1] & 0xFF;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpAddress that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The canonical text: dotted quad, or RFC 5952 IPv6. */
    @Override
    public String toString() {
        if (isIpv4()) {
            return (bytes[0] & 0xFF) + "." + (bytes[1] & 0xFF) + "." + (bytes[2] & 0xFF) + "." + (bytes[3] & 0xFF);
        }
        return ipv6Text(bytes);
    }
}
