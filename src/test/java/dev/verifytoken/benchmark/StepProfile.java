package dev.verifytoken.benchmark;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The CPU of one request, step by step, from two flight recordings taken under the same load: one of the JAX-RS
 * no-op, one of {@code POST /verify/token}. Each method sample of a Java thread is given to the innermost step
 * on its stack (a sample in HMAC code under the token factory is signing; one in Jersey under no step of ours is the
 * server's); a step's share of the samples times the Java threads' CPU per request is its cost. The CPU of the
 * garbage collector (the VM thread, with the serial collector) and of the JIT compilers is measured apart, per
 * thread from {@code /proc}, by benchmark/profile.sh, which runs this.
 * <pre>
 * StepProfile noop.jfr REQUESTS JAVA_CPU_MS GC_MS JIT_MS token.jfr REQUESTS JAVA_CPU_MS GC_MS JIT_MS
 * </pre>
 */
public final class StepProfile {

    private record Step(String name, Predicate<String> frame) {
    }

    private static Predicate<String> under(String... prefixes) {
        return frame -> {
            for (String prefix : prefixes) {
                if (frame.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The request path's steps, in the order a token request meets them; a frame is "class.method". */
    private static final List<Step> STEPS = List.of(
            new Step("configuration check", under("dev.verifytoken.configuration.")),
            new Step("app", under("dev.verifytoken.apps.")),
            new Step("client address", under("dev.verifytoken.ratelimit.control.ClientAddress",
                    "dev.verifytoken.ratelimit.entity.IpAddress", "dev.verifytoken.ratelimit.entity.AddressRange",
                    "inet.ipaddr.")),
            new Step("origin", under("dev.verifytoken.crossorigin.")),
            new Step("caller", under("dev.verifytoken.auth.")),
            new Step("body reading", under("dev.verifytoken.http.boundary.NonBlockingBodyReader",
                    "dev.verifytoken.http.boundary.BufferedBodyRequest",
                    "dev.verifytoken.issuance.boundary.TokenRequestReader")),
            new Step("validation and phone number", under("dev.verifytoken.issuance.control.TokenRequestValidator",
                    "dev.verifytoken.phone.", "dev.verifytoken.token.entity.", "com.google.i18n.phonenumbers.")),
            new Step("policy", under("dev.verifytoken.policy.")),
            new Step("buckets", under("dev.verifytoken.ratelimit.", "io.github.bucket4j.",
                    "com.github.benmanes.caffeine.")),
            new Step("signing", under("dev.verifytoken.token.", "org.jose4j.")),
            new Step("audit line", under("dev.verifytoken.audit.")),
            new Step("metrics", under("dev.verifytoken.metrics.", "fish.payara.microprofile.metrics.",
                    "org.eclipse.microprofile.metrics.")),
            new Step("outcome event (CDI)", under("org.jboss.weld.event.EventImpl.")),
            new Step("issuance, its own code", under("dev.verifytoken.issuance.control.TokenIssuance")),
            new Step("the answer", under("dev.verifytoken.issuance.boundary.TokenResource",
                    "dev.verifytoken.benchmark.NoOpResource")),
            new Step("other filters", under("dev.verifytoken.http.boundary.", "dev.verifytoken.problem.")),
            new Step("server and JAX-RS", under("org.glassfish.jersey.servlet.ServletContainer.",
                    "org.glassfish.jersey.server.ApplicationHandler.")));

    private static final String REST = "server and JAX-RS";

    /** With -Dtop=N: the N methods most often on top of the stack, for each step of the token recording. */
    private static final Map<String, Map<String, Long>> TOP = new LinkedHashMap<>();

    /** Samples of one recording by step. */
    static Map<String, Long> samplesByStep(Path recording) throws IOException {
        Map<String, Long> samples = new LinkedHashMap<>();
        STEPS.forEach(step -> samples.put(step.name(), 0L));
        TOP.clear();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                String step = stepOf(frames);
                samples.merge(step, 1L, Long::sum);
                if (!frames.isEmpty()) {
                    TOP.computeIfAbsent(step, name -> new LinkedHashMap<>()).merge(
                            frames.get(0).getMethod().getType().getName() + "." + frames.get(0).getMethod().getName(),
                            1L, Long::sum);
                }
            }
        }
        return samples;
    }

    private static String stepOf(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (!frame.isJavaFrame()) {
                continue;
            }
            String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
            for (Step step : STEPS) {
                if (step.frame().test(name)) {
                    return step.name();
                }
            }
        }
        return REST;
    }

    private record Run(Map<String, Long> samples, double requests, double requestCpuMs, double gcMs, double jitMs) {

        static Run of(String[] args, int from) throws IOException {
            return new Run(samplesByStep(Path.of(args[from])), Double.parseDouble(args[from + 1]),
                    Double.parseDouble(args[from + 2]), Double.parseDouble(args[from + 3]),
                    Double.parseDouble(args[from + 4]));
        }

        long total() {
            return samples.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Microseconds of CPU per request that the step's samples stand for. */
        double micros(String step) {
            return total() == 0 ? 0 : samples.get(step) * requestCpuMs * 1000 / total() / requests;
        }

        double perRequest(double millis) {
            return millis * 1000 / requests;
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 10) {
            System.err.println("usage: StepProfile noop.jfr REQUESTS JAVA_CPU_MS GC_MS JIT_MS "
                    + "token.jfr REQUESTS JAVA_CPU_MS GC_MS JIT_MS");
            System.exit(2);
        }
        Run noop = Run.of(args, 0);
        Run token = Run.of(args, 5);
        System.out.println("| step | no-op µs | token µs | token − no-op µs | token samples |");
        System.out.println("|---|---|---|---|---|");
        for (Step step : STEPS) {
            row(step.name(), noop.micros(step.name()), token.micros(step.name()),
                    Long.toString(token.samples().get(step.name())));
        }
        row("garbage collector", noop.perRequest(noop.gcMs()), token.perRequest(token.gcMs()), "");
        row("JIT compilers", noop.perRequest(noop.jitMs()), token.perRequest(token.jitMs()), "");
        row("**CPU per request**",
                noop.perRequest(noop.requestCpuMs() + noop.gcMs() + noop.jitMs()),
                token.perRequest(token.requestCpuMs() + token.gcMs() + token.jitMs()),
                Long.toString(token.total()));
        int top = Integer.getInteger("top", 0);
        TOP.forEach((step, methods) -> {
            if (top > 0) {
                System.out.println("\n" + step + ":");
                methods.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                        .forEach(method -> System.out.println("  " + method.getValue() + " " + method.getKey()));
            }
        });
    }

    private static void row(String name, double noop, double token, String samples) {
        System.out.println(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %+.1f | %s |", name, noop, token,
                token - noop, samples));
    }
}
