package dev.verifytoken.problem.boundary;

import dev.verifytoken.problem.entity.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemMapperTest {

    private final List<LogRecord> log = new ArrayList<>();
    private final Logger logger = Logger.getLogger(ServerErrors.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(true);
    }

    @Test
    void anUnexpectedFailureIsA500WhoseRequestIdIsInTheLogWithTheCauseButNoMessage() {
        IllegalStateException failure = new IllegalStateException("+14155552671 could not be read",
                new NumberFormatException("For input string: \"+14155552671\""));
        Problem problem = ProblemMapper.problem(failure);
        assertEquals(500, problem.status());
        String id = (String) problem.extensions().get("request_id");
        assertTrue(id.matches("[0-9a-f]{16}"), id);
        assertEquals(1, log.size());
        LogRecord record = log.get(0);
        assertEquals(Level.SEVERE, record.getLevel());
        assertTrue(record.getMessage().startsWith("Request " + id + " answered 500: java.lang.IllegalStateException"),
                record.getMessage());
        assertTrue(record.getMessage().contains("caused by java.lang.NumberFormatException"), record.getMessage());
        assertTrue(record.getMessage().contains("ProblemMapperTest"), "where it failed: " + record.getMessage());
        assertFalse(record.getMessage().contains("4155552671"), "no message, which could quote the request");
        assertTrue(ProblemJson.write(problem).contains("\"request_id\":\"" + id + "\""));
    }

    @Test
    void eachServerErrorHasARequestIdOfItsOwn() {
        Object first = ProblemMapper.problem(new RuntimeException()).extensions().get("request_id");
        Object second = ProblemMapper.problem(new RuntimeException()).extensions().get("request_id");
        assertFalse(first.equals(second));
    }

    @Test
    void aClientErrorHasNoRequestIdAndIsNotLogged() {
        Problem problem = ProblemMapper.problem(new dev.verifytoken.problem.control.MalformedBodyException("broken"));
        assertEquals(400, problem.status());
        assertFalse(problem.extensions().containsKey("request_id"));
        assertTrue(log.isEmpty());
    }
}
