package dev.verifytoken.ratelimit.entity;

import java.util.Optional;

/**
 * An IP address or CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 127.0.0.1}), read as strictly
 * as {@link IpAddress}: never a DNS look-up, never an exception for a bad text.
 */
public final class AddressRange {

    private final byte[] network;
    private final int prefix;
    private final String text;

    private AddressRange(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    public static Optional<AddressRange> parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        Optional<IpAddress> address = IpAddress.parse(slash < 0 ? value : value.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = address.get().bytes();
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String digits = value.substring(slash + 1);
            if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(digits);
            if (prefix > bits) {
                return Optional.empty();
            }
        }
        return Optional.of(new AddressRange(bytes, prefix, value));
    }

    public boolean contains(IpAddress address) {
        return contains(address.bytes());
    }

    private boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
