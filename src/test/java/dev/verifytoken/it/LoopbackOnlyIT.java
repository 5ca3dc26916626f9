package dev.verifytoken.it;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The server the tests start listens on loopback only: every socket of its process, not only the HTTP port
 * (admin, JMX, IIOP and the like included). The one exception is said where it is made.
 */
class LoopbackOnlyIT extends DeployedServiceCase {

    /** Ephemeral ports (Linux's default range) start here. */
    private static final int EPHEMERAL = 32768;

    @Test
    void everySocketOfTheServerIsOnLoopback() {
        assumeTrue(ListeningSockets.available(), "needs Linux's /proc to see the server's sockets");
        List<InetSocketAddress> sockets = ListeningSockets.ofProcessListeningOn(base.getPort());
        assertTrue(sockets.stream().anyMatch(s -> s.getPort() == base.getPort()), sockets.toString());

        List<InetSocketAddress> beyondLoopback = sockets.stream()
                .filter(s -> !s.getAddress().isLoopbackAddress()).toList();
        if ("openliberty".equals(System.getProperty("arquillian.launch"))) {
            // localConnector-1.0, added for the tests' adapter only, starts the JDK's local JMX connector: an
            // ephemeral port on every interface, where the JDK accepts connections from this machine only
            assertTrue(beyondLoopback.size() <= 1 && beyondLoopback.stream().allMatch(s -> s.getPort() >= EPHEMERAL),
                    beyondLoopback.toString());
        } else {
            assertEquals(List.of(), beyondLoopback);
        }
    }
}
