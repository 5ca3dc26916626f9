package dev.verifytoken.audit.control;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * The audit logger's own handler where the server logs JSON to the console (production's logging.properties): the
 * same object, field for field, as Payara's {@code JSONLogFormatter} writes ({@code Timestamp}, {@code Level},
 * {@code Version}, {@code LoggerName}, {@code ThreadID}, {@code ThreadName}, {@code TimeMillis},
 * {@code LevelValue}, {@code LogMessage}), written straight to the console's stream in one write a line. Payara's
 * general-purpose formatter builds each line through JSON-P: measured, it took 9.9% of a token request's CPU, this
 * handler 3.7% (benchmark/README.md).
 */
final class JsonAuditHandler extends Handler {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneId.systemDefault());

    /** Standard error as the JVM opened it, where the console handler writes, not a stream the server swapped in. */
    private final OutputStream console;

    JsonAuditHandler() {
        this(new FileOutputStream(FileDescriptor.err));
    }

    JsonAuditHandler(OutputStream console) {
        this.console = console;
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        try {
            byte[] line = line(record).getBytes(StandardCharsets.UTF_8);
            synchronized (console) {
                console.write(line);
            }
        } catch (IOException | RuntimeException e) {
            reportError("the audit line was not written", e, ErrorManager.WRITE_FAILURE);
        }
    }

    static String line(LogRecord record) {
        Thread thread = Thread.currentThread();
        StringBuilder json = new StringBuilder(400).append("{\"Timestamp\":\"")
                .append(TIMESTAMP.format(record.getInstant()))
                .append("\",\"Level\":\"").append(record.getLevel().getName())
                .append("\",\"Version\":\"\",\"LoggerName\":\"");
        escaped(json, record.getLoggerName());
        json.append("\",\"ThreadID\":\"").append(record.getLongThreadID()).append("\",\"ThreadName\":\"");
        escaped(json, thread.getId() == record.getLongThreadID() ? thread.getName() : "");
        json.append("\",\"TimeMillis\":\"").append(record.getMillis())
                .append("\",\"LevelValue\":\"").append(record.getLevel().intValue()).append("\",\"LogMessage\":\"");
        escaped(json, record.getMessage());
        return json.append("\"}\n").toString();
    }

    private static void escaped(StringBuilder json, String text) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
    }

    @Override
    public void flush() {
        // every line is written whole at once, unbuffered
    }

    @Override
    public void close() {
        // standard error stays open
    }
}
