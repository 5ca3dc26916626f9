package dev.verifytoken.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The TCP sockets a process listens on, read from Linux's {@code /proc}: which addresses a server the tests
 * started has bound, found by one port it is known to listen on.
 */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    /** Every listening socket of the process that listens on this port. */
    static List<InetSocketAddress> ofProcessListeningOn(int port) {
        List<Socket> sockets = all();
        Socket known = sockets.stream().filter(s -> s.address().getPort() == port).findFirst()
                .orElseThrow(() -> new AssertionError("nothing listens on port " + port));
        long pid = owner(known.inode()).orElseThrow(() -> new AssertionError("no process owns port " + port));
        Set<String> inodes = socketInodes(pid);
        return sockets.stream().filter(s -> inodes.contains(s.inode())).map(Socket::address).toList();
    }

    private record Socket(InetSocketAddress address, String inode) {
    }

    private static List<Socket> all() {
        List<Socket> sockets = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields[3].equals(LISTEN)) {
                        sockets.add(new Socket(address(fields[1]), fields[9]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sockets;
    }

    /** {@code 0100007F:1F90} or a 32-digit IPv6 address: 32-bit words in the machine's (little-endian) order. */
    private static InetSocketAddress address(String hex) {
        String[] parts = hex.split(":");
        byte[] raw = new byte[parts[0].length() / 2];
        for (int word = 0; word < raw.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                raw[word * 4 + b] = (byte) Integer.parseInt(parts[0].substring(at, at + 2), 16);
            }
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(raw), new BigInteger(parts[1], 16).intValue());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Long> owner(String inode) {
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (socketInodes(pid).contains(inode)) {
                    return Optional.of(pid);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path descriptor : descriptors) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed while we looked
                }
            }
        } catch (IOException | SecurityException gone) {
            // the process ended or is not ours to read
        }
        return inodes;
    }
}
