package dev.verifytoken.problem.boundary;

import dev.verifytoken.problem.entity.Problem;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every answer of 500 or more that the service gives is logged here, once, with its cause and a request id that the
 * problem body carries too ({@code request_id}), so that an operator finds the line a client reports. The cause is
 * told by the classes and places of the exception and its causes, never their messages (which could quote what the
 * client sent); a 503 by its problem (the configuration's properties, never a value).
 */
final class ServerErrors {

    static final String REQUEST_ID = "request_id";
    private static final Logger LOG = Logger.getLogger(ServerErrors.class.getName());
    private static final int FRAMES = 6;

    private ServerErrors() {
    }

    /** The problem with its request id, logged, when it is a server error; else the problem as it is. */
    static Problem identified(Problem problem, Throwable cause) {
        if (problem.status() < 500) {
            return problem;
        }
        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        String what = cause != null ? describe(cause)
                : problem.name() + ": " + problem.extensions().getOrDefault("configuration", problem.detail());
        LOG.log(problem.status() == 500 ? Level.SEVERE : Level.WARNING,
                "Request " + id + " answered " + problem.status() + ": " + what);
        return problem.withExtension(REQUEST_ID, id);
    }

    /** The class and the first frames of the failure and of each of its causes, without messages. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null && text.length() < 4000; cause = cause.getCause()) {
            text.append(text.length() == 0 ? "" : "; caused by ").append(cause.getClass().getName());
            StackTraceElement[] frames = cause.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
                text.append("\n\tat ").append(frames[i]);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.toString();
    }
}
