package dev.verifytoken.it;

import dev.verifytoken.token.control.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Three Payara Micro instances started by the production script in cluster mode, over loopback only
 * (Hazelcast bound to 127.0.0.1, TCP/IP discovery of 127.0.0.1:6900 to 6902, no multicast, no phone-home): a
 * limit reached through one instance holds on the others, because the buckets live in the data grid's JCache;
 * the grid's ports listen on 127.0.0.1 only; and when one instance dies, the other two keep every limit (the
 * JCache keeps one backup of each bucket on another member).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag(PayaraMicroProcess.OWN_SERVER)
class ClusterRateLimitIT {

    private static final String MEMBERS = "127.0.0.1:6900,127.0.0.1:6901,127.0.0.1:6902";
    private static final int FIRST_GRID_PORT = 6900;
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "AUTHY_API_KEY", TestKeys.randomKey(), "APP_ID", "1",
            "RATELIMIT_NUMBER", "3/1h",
            "RATELIMIT_CLIENT", "60/1h",
            "SECRETS_DIR", Path.of("target", "it-cluster-secrets").toAbsolutePath().toString(),
            "CLUSTER_MEMBERS", MEMBERS,
            "CLUSTER_INTERFACE", "127.0.0.1");

    private static PayaraMicroProcess first;
    private static PayaraMicroProcess second;
    private static PayaraMicroProcess third;

    @BeforeAll
    static void start() throws java.io.IOException {
        // the key comes from the environment here; the secret directory is empty
        java.nio.file.Files.createDirectories(Path.of(ENVIRONMENT.get("SECRETS_DIR")));
        first = instance("it-cluster-1");
        second = instance("it-cluster-2");
        third = instance("it-cluster-3");
        for (PayaraMicroProcess server : new PayaraMicroProcess[]{first, second, third}) {
            awaitInLog(server, "DG Size: 3");
        }
    }

    private static PayaraMicroProcess instance(String name) {
        return PayaraMicroProcess.production(name, ENVIRONMENT);
    }

    @AfterAll
    static void stop() {
        for (PayaraMicroProcess server : new PayaraMicroProcess[]{third, second, first}) {
            if (server != null) {
                server.close();
            }
        }
    }

    private static HttpResponse<String> token(PayaraMicroProcess server, String number, String forwardedFor) {
        Http http = new Http(server.base());
        return http.send(HttpRequest.newBuilder(http.uri("/verify/token"))
                .header("Content-Type", Http.FORM)
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(Http.form("phone_number", number))));
    }

    @Test
    @Order(1)
    void bothInstancesKeepTheirBucketsInTheDataGrid() {
        for (PayaraMicroProcess server : new PayaraMicroProcess[]{first, second}) {
            assertTrue(server.log().contains("buckets in the JCache verify-token-rate-limits of Payara's data grid"));
            // the size and eviction set by the application, as the data grid reports them back: not Hazelcast's
            // default of 10000 entries
            assertTrue(server.log().contains("at most 100000 buckets per member (ENTRY_COUNT, LFU eviction), 1 backup"),
                    "the JCache's size and eviction in the log");
        }
    }

    @Test
    @Order(2)
    void aNumberLimitReachedThroughOneInstanceHoldsOnTheOther() {
        String number = "+14155552671";
        assertEquals(200, token(first, number, "198.51.100.1").statusCode());
        assertEquals(200, token(second, number, "198.51.100.2").statusCode());
        assertEquals(200, token(first, number, "198.51.100.3").statusCode());

        HttpResponse<String> refused = token(second, number, "198.51.100.4");
        assertEquals(429, refused.statusCode(), refused.body());
        assertFalse(refused.body().contains("jwt_token"));
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertEquals(429, token(first, number, "198.51.100.5").statusCode());
    }

    @Test
    @Order(3)
    void theDataGridListensOnTheGivenInterfaceOnly() {
        assumeTrue(ListeningSockets.available(), "needs Linux's /proc to see the instances' sockets");
        for (PayaraMicroProcess server : new PayaraMicroProcess[]{first, second, third}) {
            List<InetSocketAddress> grid = ListeningSockets.ofProcessListeningOn(server.base().getPort()).stream()
                    .filter(socket -> socket.getPort() >= FIRST_GRID_PORT && socket.getPort() < FIRST_GRID_PORT + 3)
                    .toList();
            assertEquals(1, grid.size(), "one data grid port: " + grid);
            assertEquals("127.0.0.1", grid.get(0).getAddress().getHostAddress(), "not every interface: " + grid);
        }
    }

    @Test
    @Order(4)
    void whenAnInstanceDiesTheOtherTwoKeepEveryLimit() {
        // numbers enough that some of their buckets are owned by the instance that dies
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            numbers.add("+1415555" + (2680 + i));
        }
        PayaraMicroProcess[] all = {first, second, third};
        for (String number : numbers) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, token(all[i], number, "198.51.100.9").statusCode());
            }
        }
        third.kill();
        awaitInLog(first, "DG Size: 2");
        awaitInLog(second, "DG Size: 2");
        for (String number : numbers) {
            for (PayaraMicroProcess server : new PayaraMicroProcess[]{first, second}) {
                HttpResponse<String> refused = token(server, number, "198.51.100.9");
                assertEquals(429, refused.statusCode(), number + " got its tokens back: " + refused.body());
            }
        }
    }

    @Test
    @Order(5)
    void noTrustedProxyMeansTheHeaderIsIgnoredAndTheClientLimitHoldsAcrossInstances() {
        // No proxy is trusted here: every request counts against 127.0.0.1, whatever X-Forwarded-For says, on
        // whichever instance it arrives. The tests before used part of its 60 tokens; use up the rest.
        int i = 0;
        HttpResponse<String> response;
        do {
            assertTrue(i < 60, "the client limit never applied");
            response = token(i % 2 == 0 ? first : second, "+44 7400 1" + (10000 + i), "203.0.113." + (i % 250));
            i++;
        } while (response.statusCode() == 200);
        assertEquals(429, response.statusCode(), response.body());
        assertEquals("client", Http.json(response).getString("limit"));
        PayaraMicroProcess other = i % 2 == 0 ? first : second;
        HttpResponse<String> elsewhere = token(other, "+44 7400 200000", "192.0.2.1");
        assertEquals(429, elsewhere.statusCode(), elsewhere.body());
        assertEquals("client", Http.json(elsewhere).getString("limit"));
    }

    private static void awaitInLog(PayaraMicroProcess server, String text) {
        server.awaitInLog(text, Duration.ofSeconds(120));
    }
}
