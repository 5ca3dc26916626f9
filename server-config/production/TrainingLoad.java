import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The training run of AOT=on (verify-token.sh): token requests to a training instance on loopback, as production
 * sends them, so that the AOT cache holds the profiles of the methods that serve tokens (JEP 515), not only of a
 * start. Form and JSON bodies, numbers of many countries typed as users type them, and refusals (a number too
 * short, letters, an unknown locale, a malformed body, a media type not served). Run by Java's source launcher:
 * <pre>java TrainingLoad.java PORT SECONDS</pre>
 */
public class TrainingLoad {

    private static final List<String> NUMBERS = List.of("+14155552671", "+1 (212) 555-0123", "+447400123456",
            "+44 7911 123456", "+4915123456789", "+49 170 1234567", "+33612345678", "+33 6 98 76 54 32",
            "+34612345678", "+393123456789", "+5511961234567", "+919876543210", "+819012345678", "+821012345678",
            "+8613800138000", "+61412345678", "+2348031234567", "+27712345678", "+972502345678", "+971501234567",
            "+628123456789", "+525512345678", "+46701234567", "+31612345678", "+905321234567", "+201001234567",
            "+639171234567", "+84912345678", "+41781234567", "+32470123456");

    /** One request in ten is refused, in one of these ways: {content type, body}. */
    private static final List<String[]> REFUSALS = List.of(
            new String[]{"application/x-www-form-urlencoded", "phone_number=%2B1+415"},
            new String[]{"application/x-www-form-urlencoded", "phone_number=%2B1+800+FLOWERS"},
            new String[]{"application/x-www-form-urlencoded", "phone_number=%2B447400123456&locale=klingon"},
            new String[]{"application/json", "{\"phone_number\": 447400123456"},
            new String[]{"text/plain", "phone_number=+447400123456"});

    public static void main(String[] args) throws Exception {
        URI token = URI.create("http://127.0.0.1:" + Integer.parseInt(args[0]) + "/verify/token");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        awaitDeployed(client, token);
        Instant end = Instant.now().plusSeconds(Long.parseLong(args[1]));
        AtomicInteger sent = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            threads.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    int n = sent.getAndIncrement();
                    String[] request = request(n);
                    try {
                        client.send(HttpRequest.newBuilder(token).timeout(Duration.ofSeconds(10))
                                .header("Content-Type", request[0])
                                .header("Accept-Language", n % 3 == 0 ? "de-DE,de;q=0.9" : "en-GB")
                                .POST(HttpRequest.BodyPublishers.ofString(request[1])).build(),
                                HttpResponse.BodyHandlers.discarding());
                    } catch (java.io.IOException e) {
                        // the instance is busy or stopping: the next request
                    } catch (InterruptedException e) {
                        return null;
                    }
                }
                return null;
            });
        }
        threads.shutdown();
        threads.awaitTermination(Long.parseLong(args[1]) + 30, TimeUnit.SECONDS);
        System.out.println(sent.get() + " training requests");
    }

    /** Until the instance answers a GET of the token path with 405, for at most five minutes. */
    private static void awaitDeployed(HttpClient client, URI token) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (client.send(HttpRequest.newBuilder(token).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 405) {
                    return;
                }
            } catch (java.io.IOException starting) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the training instance did not deploy the WAR within five minutes");
    }

    private static String[] request(int n) {
        if (n % 10 == 9) {
            return REFUSALS.get((n / 10) % REFUSALS.size());
        }
        String number = NUMBERS.get(n % NUMBERS.size());
        if (n % 2 == 0) {
            return new String[]{"application/json", "{\"phone_number\":\"" + number + "\""
                    + (n % 4 == 0 ? ",\"via\":\"sms\"" : "") + "}"};
        }
        return new String[]{"application/x-www-form-urlencoded",
                "phone_number=" + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8)
                        + (n % 5 == 0 ? "&via=call&locale=fr" : "")};
    }
}
