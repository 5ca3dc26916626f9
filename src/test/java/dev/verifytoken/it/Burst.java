package dev.verifytoken.it;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Many token requests for one number sent at once, spread over several instances, as an SMS pumper sends them:
 * every request is started before the first answer is read. Counts what each instance answered.
 */
final class Burst {

    /** The longest a request of a burst may wait for its answer: a slow answer beyond it counts as none. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();

    /** One answer, or the failure that stood in for it. */
    record Answer(int instance, int status, String body, Duration took, Throwable failure) {
    }

    private final List<Answer> answers;

    private Burst(List<Answer> answers) {
        this.answers = answers;
    }

    /**
     * Sends {@code requests} token requests for {@code number}, the i-th to {@code instances[i % n]}, all at once.
     */
    static Burst of(int requests, String number, List<URL> instances) {
        return of(requests, number, instances, () -> {
        });
    }

    /**
     * The same, running {@code midway} (on a thread of its own) once half of the answers have arrived: a fault in the
     * middle of the load.
     */
    static Burst of(int requests, String number, List<URL> instances, Runnable midway) {
        CountDownLatch start = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture<Void> fault = new CompletableFuture<>();
        List<CompletableFuture<Answer>> pending = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            int instance = i % instances.size();
            URI uri = URI.create(instances.get(instance).toExternalForm().replaceAll("/+$", "") + "/verify/token");
            // a client address of its own for each request, read where 127.0.0.1 is a trusted proxy: the burst is
            // one number's, not one client's
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(PATIENCE)
                    .header("Content-Type", Http.FORM)
                    .header("X-Forwarded-For", "198.18." + (i / 250) + "." + (i % 250 + 1))
                    .POST(HttpRequest.BodyPublishers.ofString(Http.form("phone_number", number))).build();
            pending.add(CompletableFuture.runAsync(() -> await(start)).thenCompose(ignored -> {
                long sent = System.nanoTime();
                return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                        .handle((response, failure) -> {
                            if (answered.incrementAndGet() == requests / 2) {
                                CompletableFuture.runAsync(midway).whenComplete((done, error) -> {
                                    if (error == null) {
                                        fault.complete(null);
                                    } else {
                                        fault.completeExceptionally(error);
                                    }
                                });
                            }
                            return new Answer(instance, failure == null ? response.statusCode() : -1,
                                    failure == null ? response.body() : null, Duration.ofNanos(System.nanoTime() - sent),
                                    failure);
                        });
            }));
        }
        start.countDown();
        List<Answer> answers = pending.stream().map(CompletableFuture::join).toList();
        fault.join();
        return new Burst(answers);
    }

    private static void await(CountDownLatch start) {
        try {
            start.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tokens issued in all. */
    int granted() {
        return (int) answers.stream().filter(answer -> answer.status() == 200).count();
    }

    /** Tokens issued by each instance, by its index. */
    int[] grantedBy(int instances) {
        return IntStream.range(0, instances).map(i -> (int) answers.stream()
                .filter(answer -> answer.instance() == i && answer.status() == 200).count()).toArray();
    }

    /** Whether this instance refused the number for its own limit (429 naming the number). */
    boolean refusedTheNumber(int instance) {
        return answers.stream().anyMatch(answer -> answer.instance() == instance && answer.status() == 429
                && answer.body().contains("\"limit\":\"phone_number\""));
    }

    Duration slowest() {
        return answers.stream().map(Answer::took).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /**
     * Every request was answered, with a token or a 429, within {@code withinEach}: no failure, no timeout, no 5xx,
     * nothing else.
     */
    Burst assertEveryRequestAnswered(Duration withinEach) {
        return assertEveryRequestAnswered(withinEach, instance -> true);
    }

    /** The same, for the answers of the instances this accepts (an instance killed during the burst answers none). */
    Burst assertEveryRequestAnswered(Duration withinEach, java.util.function.IntPredicate of) {
        for (Answer answer : answers.stream().filter(answer -> of.test(answer.instance())).toList()) {
            if (answer.failure() != null) {
                fail("instance " + answer.instance() + " did not answer: " + answer.failure());
            }
            assertTrue(answer.status() == 200 || answer.status() == 429,
                    "instance " + answer.instance() + " answered " + answer.status() + ": " + answer.body());
            if (answer.status() == 429) {
                assertTrue(answer.body().contains("urn:verify-token:problem:rate-limited"), answer.body());
            }
        }
        Duration slowest = answers.stream().filter(answer -> of.test(answer.instance())).map(Answer::took)
                .max(Duration::compareTo).orElse(Duration.ZERO);
        assertTrue(slowest.compareTo(withinEach) <= 0, "the slowest answer took " + slowest + " (" + this + ")");
        return this;
    }

    /** For the test's output: tokens by instance, and the slowest answer. */
    @Override
    public String toString() {
        int instances = answers.stream().mapToInt(Answer::instance).max().orElse(0) + 1;
        return answers.size() + " requests, tokens by instance " + java.util.Arrays.toString(grantedBy(instances))
                + ", slowest answer " + slowest().toMillis() + " ms";
    }

    Burst assertGranted(int expected, String what) {
        assertEquals(expected, granted(), what + ": tokens in the burst of " + answers.size());
        return this;
    }
}
