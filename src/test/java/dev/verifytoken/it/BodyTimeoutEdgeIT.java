package dev.verifytoken.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bodies whose last byte arrives at the edge of the body timeout (10 s after the headers, within 200 ms either side),
 * many at once: whether the body or the timeout wins, every request gets the application's answer (a token, or 408
 * problem+json), never a 5xx and never silence. Over HTTP/1.1 (the body read without a worker thread) and HTTP/2
 * (read by a worker, a few at a time).
 */
class BodyTimeoutEdgeIT extends DeployedServiceCase {

    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);
    private static final long EDGE_MILLIS = 200;
    private static final String BODY = "phone_number=%2B14155552671";

    @Test
    void everyBodyAtTheEdgeOfTheTimeoutIsAnsweredOverHttp11() throws Exception {
        int port = base.getPort();
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            int connections = 150;
            ScheduledExecutorService lastBytes = Executors.newScheduledThreadPool(4);
            ExecutorService readers = Executors.newCachedThreadPool();
            List<CompletableFuture<String>> answers = new ArrayList<>();
            List<Long> offsets = new ArrayList<>();
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < connections; i++) {
                    Socket socket = new Socket(base.getHost(), port);
                    socket.setSoTimeout(30_000);
                    sockets.add(socket);
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /verify/token HTTP/1.1\r\nHost: " + base.getHost() + ":" + port + "\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + BODY.length()
                            + "\r\n\r\n" + BODY.substring(0, BODY.length() - 1)).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    long offset = ThreadLocalRandom.current().nextLong(-EDGE_MILLIS, EDGE_MILLIS + 1);
                    offsets.add(offset);
                    lastBytes.schedule(() -> {
                        try {
                            out.write(BODY.charAt(BODY.length() - 1));
                            out.flush();
                        } catch (IOException answeredAndClosed) {
                            // the 408 came first and the server closed the connection
                        }
                    }, BODY_TIMEOUT.toMillis() + offset, TimeUnit.MILLISECONDS);
                    InputStream in = socket.getInputStream();
                    answers.add(CompletableFuture.supplyAsync(() -> readAnswer(in), readers));
                }
                for (int i = 0; i < answers.size(); i++) {
                    String text = answers.get(i).get(60, TimeUnit.SECONDS);
                    String outcome = outcome(text);
                    statuses.merge(outcome, 1, Integer::sum);
                    if (outcome.equals("200 other") && text.contains("Content-Length: 0")
                            && "openliberty".equals(System.getProperty("arquillian.launch"))) {
                        // Open Liberty 26.0.0.3 completes a few of the requests whose last byte comes just after
                        // the deadline with an empty 200 of its own, whichever way the 408 is written
                        // (docs/servers.md): no token, no 5xx
                        continue;
                    }
                    if (!outcome.equals("200 token") && !outcome.equals("408 body-timeout")) {
                        wrong.add("last byte at " + offsets.get(i) + " ms from the timeout: " + text);
                    }
                }
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
                lastBytes.shutdownNow();
                readers.shutdownNow();
            }
        }
        System.out.println("Bodies at the edge of the timeout over HTTP/1.1, by answer: " + statuses);
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " answers neither a token nor a 408 problem, such as "
                + wrong.get(0));
    }

    /** The status and what the body is: a token, a problem's name, or something else. */
    private static String outcome(String answer) {
        if (!answer.startsWith("HTTP/1.1 ")) {
            return "no answer";
        }
        String status = answer.substring(9, 12);
        if (answer.contains("jwt_token")) {
            return status + " token";
        }
        int type = answer.indexOf("urn:verify-token:problem:");
        return type < 0 ? status + " other" : status + " " + answer.substring(type + 25, answer.indexOf('"', type));
    }

    @Test
    void everyBodyAtTheEdgeOfTheTimeoutIsAnsweredOverHttp2() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(20)).build();
        // the first request upgrades the connection (h2c); those after it are streams of that connection
        HttpResponse<String> upgrade = client.send(HttpRequest.newBuilder(http.uri("/health/live"))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(upgrade.statusCode() < 500, upgrade.body());
        ScheduledExecutorService lastBytes = Executors.newScheduledThreadPool(2);
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<HttpClient.Version, Integer> versions = new TreeMap<>();
        try {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                byte[] bytes = BODY.getBytes(StandardCharsets.US_ASCII);
                long offset = ThreadLocalRandom.current().nextLong(-EDGE_MILLIS, EDGE_MILLIS + 1);
                SlowBody body = new SlowBody(bytes, lastBytes, BODY_TIMEOUT.plusMillis(offset));
                answers.add(client.sendAsync(HttpRequest.newBuilder(http.uri("/verify/token"))
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", Http.FORM)
                        .POST(HttpRequest.BodyPublishers.fromPublisher(body, bytes.length)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(90, TimeUnit.SECONDS);
                statuses.merge(response.statusCode(), 1, Integer::sum);
                versions.merge(response.version(), 1, Integer::sum);
                assertTrue(response.statusCode() < 500, response.statusCode() + " " + response.body());
                if (response.statusCode() != 200) {
                    Http.problem(response, response.statusCode());
                }
            }
        } finally {
            lastBytes.shutdownNow();
        }
        System.out.println("Bodies at the edge of the timeout over HTTP/2, by status: " + statuses + ", by version: "
                + versions);
    }

    /** A body whose last byte comes {@code after} the others, which are sent as soon as they are asked for. */
    private static final class SlowBody implements Flow.Publisher<ByteBuffer> {
        private final byte[] bytes;
        private final ScheduledExecutorService scheduler;
        private final Duration after;

        SlowBody(byte[] bytes, ScheduledExecutorService scheduler, Duration after) {
            this.bytes = bytes;
            this.scheduler = scheduler;
            this.after = after;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            AtomicInteger sent = new AtomicInteger();
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public synchronized void request(long n) {
                    if (sent.get() == 0) {
                        sent.set(1);
                        subscriber.onNext(ByteBuffer.wrap(bytes, 0, bytes.length - 1));
                        if (n > 1) {
                            last();
                        }
                    } else if (sent.get() == 1) {
                        last();
                    }
                }

                private void last() {
                    sent.set(2);
                    scheduler.schedule(() -> {
                        subscriber.onNext(ByteBuffer.wrap(bytes, bytes.length - 1, 1));
                        subscriber.onComplete();
                    }, after.toMillis(), TimeUnit.MILLISECONDS);
                }

                @Override
                public void cancel() {
                    sent.set(3);
                }
            });
        }
    }

    /** The whole answer: status line, headers and body (Content-Length), or the failure. */
    private static String readAnswer(InputStream in) {
        try {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return "no answer: the connection closed after " + head.length() + " bytes: " + head;
                }
                head.append((char) b);
            }
            int length = 0;
            for (String line : head.toString().split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "no answer: " + e;
        }
    }

}
