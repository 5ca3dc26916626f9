package dev.verifytoken.http.boundary;

import dev.verifytoken.problem.boundary.ProblemAnswers;
import dev.verifytoken.problem.control.IncompleteBodyException;
import dev.verifytoken.problem.entity.Problem;
import dev.verifytoken.problem.entity.ProblemType;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the request body of the API without holding an HTTP worker thread while it arrives (Servlet non-blocking
 * I/O): a client that sends its headers and then trickles the body, or stops, holds a connection but no thread,
 * so health checks and other clients are still answered. Once the whole body is in memory the request is
 * dispatched on to the resource, which reads it from memory. A body that arrived with its headers (the usual
 * case) is in memory already: that request goes straight on. A body that has not arrived within
 * {@link #BODY_TIMEOUT} is answered 408 problem+json; one that breaks off, 400.
 * <p>
 * Exactly one of these settles a request, whichever comes first: the whole body (the request goes on to the
 * resource), the deadline (408) or a broken connection (400); each is then answered on a dispatch of the
 * container's, as the body is. The deadline is this filter's own timer, not the container's asynchronous timeout: a
 * body completing as the container's timeout fires can be handed to the resource while the container answers the
 * request 500 itself (Payara), and a 408 written on a thread other than the container's comes out as "200" on
 * GlassFish (BodyTimeoutEdgeIT). The container's timeout stays as a backstop, well after the deadline.
 * <p>
 * Only the first {@link #KEPT_BYTES} bytes are kept: the resource refuses a longer body (413), after this filter
 * has read and dropped up to {@link #DRAIN_BYTES} more so that a client still sending can read the answer.
 * Where the server cannot suspend the request (no asynchronous support), the body is read as before, blocking;
 * over HTTP/2 too, by a bounded number of requests at a time (see {@link #isHttp2}).
 */
public class NonBlockingBodyReader extends HttpFilter {

    /** A token request is a few dozen bytes, sent at once: ten seconds is generous even on a poor mobile link. */
    static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);
    /** The container's own timeout for a suspended request: only if this filter's deadline never fired. */
    static final Duration BACKSTOP = BODY_TIMEOUT.plusSeconds(30);
    /** The largest request body the service reads: a token request is a few dozen bytes, sent at once. */
    public static final int MAX_BODY_BYTES = 4096;
    /** One byte more than the largest body the resource accepts, so that it can tell a body is too large. */
    static final int KEPT_BYTES = MAX_BODY_BYTES + 1;
    /** How much of a body over the limit is read and dropped before the answer, so that the client can read it. */
    public static final long DRAIN_BYTES = 1 << 20;

    /** How many HTTP/2 requests may read their bodies blocking at once (of the production pool's 16 workers). */
    static final int BLOCKING_READERS = 4;

    /** The request attribute holding how the body ended: its bytes, or the problem that answers it. */
    private static final String OUTCOME = NonBlockingBodyReader.class.getName() + ".outcome";
    private static final Logger LOG = Logger.getLogger(NonBlockingBodyReader.class.getName());

    private final Semaphore blockingReaders = new Semaphore(BLOCKING_READERS);
    /** The deadlines of bodies still arriving: one thread, which only answers 408s. */
    private ScheduledExecutorService deadlines;

    @Override
    public void init() {
        deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "verify-token-body-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void destroy() {
        deadlines.shutdownNow();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            Object outcome = request.getAttribute(OUTCOME);
            if (outcome instanceof IncompleteBodyException incomplete) {
                ProblemAnswers.write(response, incomplete.problem());
                // sent at once: GlassFish would otherwise send the answer of a request whose body is unread as 200
                response.flushBuffer();
                return;
            }
            chain.doFilter(outcome instanceof byte[] bytes ? new BufferedBodyRequest(request, bytes) : request,
                    response);
            return;
        }
        if (!hasBody(request) || !request.isAsyncSupported()) {
            chain.doFilter(request, response);
            return;
        }
        if (isHttp2(request)) {
            readBlocking(request, response, chain);
            return;
        }
        if (hasArrived(request)) {
            // the usual case: a small body sent with the headers is in memory already, and reading it cannot
            // block; no need to suspend the request (which costs a dispatch)
            chain.doFilter(request, response);
            return;
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(BACKSTOP.toMillis());
        ServletInputStream input = request.getInputStream();
        BodyCollector collector = new BodyCollector(async, input);
        async.addListener(collector);
        collector.deadline = deadlines.schedule(collector::overdue, BODY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        input.setReadListener(collector);
    }

    /**
     * Payara's Grizzly breaks an HTTP/2 connection (the h2c upgrade of a plain-text one included) when a request
     * is dispatched asynchronously: over HTTP/2 a body is read as before, blocking a worker, but by at most
     * {@link #BLOCKING_READERS} requests at a time. Beyond that, 429: slow HTTP/2 clients can hold a few workers,
     * never all of them. (HTTP/2 cannot be switched off on Payara's plain-text listener without making every
     * request that asks for the h2c upgrade hang.)
     */
    private static boolean isHttp2(HttpServletRequest request) {
        String protocol = request.getProtocol();
        return protocol != null && protocol.startsWith("HTTP/2");
    }

    private void readBlocking(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!blockingReaders.tryAcquire()) {
            ProblemAnswers.write(response, Problem.of(ProblemType.TOO_MANY_REQUESTS,
                    "Too many request bodies are arriving over HTTP/2 at once; try again, or use HTTP/1.1.")
                    .withHeader("Retry-After", "1"));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            blockingReaders.release();
        }
    }

    /** Whether the whole body, of a declared length the resource accepts, has arrived with the headers. */
    private static boolean hasArrived(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        return length > 0 && length < KEPT_BYTES && request.getInputStream().available() >= length;
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** Collects the body as it arrives, then dispatches the request; or dispatches its answer when it does not arrive. */
    private static final class BodyCollector implements ReadListener, AsyncListener {

        private final AsyncContext async;
        private final ServletInputStream input;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream(256);
        private final byte[] buffer = new byte[4096];
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile ScheduledFuture<?> deadline;
        private long read;

        BodyCollector(AsyncContext async, ServletInputStream input) {
            this.async = async;
            this.input = input;
        }

        @Override
        public void onDataAvailable() throws IOException {
            // read while the container has bytes at hand; isFinished() is not asked first, since some containers
            // (Payara's Grizzly) say finished once the body has arrived, before it is read
            while (input.isReady()) {
                int count = input.read(buffer);
                if (count < 0) {
                    settle(null);
                    return;
                }
                int keep = (int) Math.max(0, Math.min(count, KEPT_BYTES - read));
                kept.write(buffer, 0, keep);
                read += count;
                if (read > KEPT_BYTES + DRAIN_BYTES) {
                    // enough dropped: the resource answers 413 and the connection is closed after it
                    settle(null);
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            settle(null);
        }

        /** The deadline passed before the whole body arrived. */
        void overdue() {
            settle(new IncompleteBodyException(true));
        }

        @Override
        public void onError(Throwable failure) {
            // the client went away or the connection broke: its fault, not the service's
            LOG.log(Level.FINE, "request body broke off", failure);
            settle(new IncompleteBodyException(false));
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            settle(new IncompleteBodyException(true));
        }

        @Override
        public void onError(AsyncEvent event) {
            settle(new IncompleteBodyException(false));
        }

        /**
         * The first outcome wins: the body (null here: what was kept) or the problem that answers the request.
         * Either is dispatched, so that the answer is written on a thread of the container's.
         */
        private void settle(IncompleteBodyException problem) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            ScheduledFuture<?> pending = deadline;
            if (pending != null) {
                pending.cancel(false);
            }
            try {
                async.getRequest().setAttribute(OUTCOME, problem != null ? problem : kept.toByteArray());
                async.dispatch();
            } catch (IllegalStateException completing) {
                // the connection broke and the container is completing the request itself: no one to answer
                LOG.log(Level.FINE, "a request whose body did not arrive was completed by the container", completing);
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            // nothing to release
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }
    }
}
