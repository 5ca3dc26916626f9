package dev.verifytoken.audit.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonAuditHandlerTest {

    private static LogRecord record(String message) {
        LogRecord record = new LogRecord(Level.INFO, message);
        record.setLoggerName(AuditLog.LOGGER);
        return record;
    }

    private static JsonObject parsed(String line) {
        return Json.createReader(new StringReader(line)).readObject();
    }

    @Test
    void writesPayarasFieldsInPayarasOrderOneLineAtATime() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        JsonAuditHandler handler = new JsonAuditHandler(console);
        handler.publish(record("token issued number=+1********71 country=US via=sms client=203.0.113.7 app=default"));
        handler.publish(record("token refused reason=policy"));

        String[] lines = console.toString(StandardCharsets.UTF_8).split("\n", -1);
        assertEquals(3, lines.length, "two lines, each ended by a newline");
        JsonObject line = parsed(lines[0]);
        assertEquals(List.of("Timestamp", "Level", "Version", "LoggerName", "ThreadID", "ThreadName", "TimeMillis",
                "LevelValue", "LogMessage"), List.copyOf(line.keySet()));
        assertEquals("INFO", line.getString("Level"));
        assertEquals("800", line.getString("LevelValue"));
        assertEquals(AuditLog.LOGGER, line.getString("LoggerName"));
        assertEquals(Thread.currentThread().getName(), line.getString("ThreadName"));
        assertTrue(line.getString("Timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}"),
                line.getString("Timestamp"));
        assertEquals("token refused reason=policy", parsed(lines[1]).getString("LogMessage"));
    }

    @Test
    void writesNothingBelowItsLevel() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        JsonAuditHandler handler = new JsonAuditHandler(console);
        handler.setLevel(Level.WARNING);
        handler.publish(record("token issued"));
        assertEquals(0, console.size());
    }

    /** Whatever a message holds (an app name, a client address, anything a later change puts there): one JSON line. */
    @Property
    void anyMessageIsOneLineOfValidJsonThatGivesItBack(@ForAll String message) {
        String line = JsonAuditHandler.line(record(message));
        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, line);
        assertEquals(message, parsed(line).getString("LogMessage"));
    }
}
