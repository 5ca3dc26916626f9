package dev.verifytoken.ratelimit.control;

import dev.verifytoken.ratelimit.entity.AddressRange;
import dev.verifytoken.ratelimit.entity.IpAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The client a request counts against: the connection's remote address, unless that is a proxy the operator
 * trusts; then the last address of {@code X-Forwarded-For} that is not a trusted proxy (walking from the right,
 * as each proxy appends the address it received the request from). Every line of the header counts, in order,
 * as one list (RFC 9110 section 5.3), so that a client cannot hide its address in a line of its own before the
 * proxy's. A header from an untrusted peer is never read: anyone can write one.
 * <p>
 * The answer is canonical, so that one client has one key whatever the spelling: IPv4-mapped IPv6 addresses
 * are their IPv4 address, and an IPv6 client counts as its network of {@code ipv6Prefix} bits (a subscriber
 * gets a whole /64 or more to pick addresses from).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * @param forwardedFor the lines of {@code X-Forwarded-For}, in the order received; empty when absent
     */
    public static String of(String remoteAddress, List<String> forwardedFor, List<AddressRange> trustedProxies,
                            int ipv6Prefix) {
        Optional<IpAddress> remote = IpAddress.parse(remoteAddress);
        if (remote.isEmpty()) {
            // a connection always has an address; a container that gives something else is counted by its text
            return String.valueOf(remoteAddress);
        }
        if (forwardedFor.isEmpty() || trustedProxies.isEmpty() || !trusted(remote.get(), trustedProxies)) {
            return remote.get().clientKey(ipv6Prefix);
        }
        List<String> hops = hops(forwardedFor);
        IpAddress closest = remote.get();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<IpAddress> hop = IpAddress.parse(hops.get(i));
            if (hop.isEmpty()) {
                // not an address: nothing to its left can be trusted either
                break;
            }
            if (!trusted(hop.get(), trustedProxies)) {
                return hop.get().clientKey(ipv6Prefix);
            }
            closest = hop.get();
        }
        // every hop read is a trusted proxy: the leftmost of them is the closest we know to the client
        return closest.clientKey(ipv6Prefix);
    }

    private static List<String> hops(List<String> lines) {
        List<String> hops = new ArrayList<>();
        for (String line : lines) {
            if (line == null) {
                continue;
            }
            for (String hop : line.split(",", -1)) {
                if (!hop.isBlank()) {
                    hops.add(hop);
                }
            }
        }
        return hops;
    }

    private static boolean trusted(IpAddress address, List<AddressRange> trustedProxies) {
        for (AddressRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
