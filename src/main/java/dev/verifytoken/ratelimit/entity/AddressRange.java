package dev.verifytoken.ratelimit.entity;

import inet.ipaddr.IPAddress;

import java.util.Optional;

/**
 * An IP address or CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 127.0.0.1}), read as strictly as
 * {@link IpAddress}: never a DNS look-up, never an exception for a bad text.
 */
public final class AddressRange {

    private final IPAddress range;
    private final String text;

    private AddressRange(IPAddress range, String text) {
        this.range = range;
        this.text = text;
    }

    public static Optional<AddressRange> parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        Optional<IpAddress> address = IpAddress.parse(slash < 0 ? value : value.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        IPAddress network = address.get().address();
        if (slash < 0) {
            return Optional.of(new AddressRange(network, value));
        }
        String bits = value.substring(slash + 1);
        // the prefix as ASCII digits only (Java's \d): "+8", "-1", "08", "٢٤" and the like are not numbers
        if (!bits.matches("0|[1-9]\\d{0,2}")) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(bits);
        if (prefix > network.getBitCount()) {
            return Optional.empty();
        }
        return Optional.of(new AddressRange(network.toPrefixBlock(prefix), value));
    }

    public boolean contains(IpAddress address) {
        return range.contains(address.address());
    }

    @Override
    public String toString() {
        return text;
    }
}
