package dev.verifytoken.ratelimit.control;

import dev.verifytoken.ratelimit.entity.AddressRange;

import java.util.List;
import java.util.Optional;

/**
 * The address of the client a request comes from: the connection's remote address, unless that is a
 * proxy the operator trusts; then the last address of {@code X-Forwarded-For} that is not a trusted proxy
 * (walking from the right, as each proxy appends the address it received the request from). A header
 * from an untrusted peer is never read: anyone can write one.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(String remoteAddress, String forwardedFor, List<AddressRange> trustedProxies) {
        if (forwardedFor == null || trustedProxies.isEmpty() || !trusted(remoteAddress, trustedProxies)) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            Optional<byte[]> address = AddressRange.literal(hop);
            if (address.isEmpty()) {
                // not an address: nothing to its left can be trusted either
                return remoteAddress;
            }
            if (!trusted(address.get(), trustedProxies)) {
                return hop;
            }
        }
        // every hop is a trusted proxy: the leftmost is the closest we know to the client
        return hops[0].strip();
    }

    private static boolean trusted(String address, List<AddressRange> trustedProxies) {
        return AddressRange.literal(address).map(bytes -> trusted(bytes, trustedProxies)).orElse(false);
    }

    private static boolean trusted(byte[] address, List<AddressRange> trustedProxies) {
        for (AddressRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
