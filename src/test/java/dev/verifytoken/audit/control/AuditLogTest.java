package dev.verifytoken.audit.control;

import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.phone.entity.E164Number;
import dev.verifytoken.issuance.entity.TokenOutcome;
import dev.verifytoken.apps.entity.AppName;
import dev.verifytoken.token.entity.Via;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditLogTest {

    private static E164Number number(String typed) throws Exception {
        return new PhoneNumberNormalizer().normalize(typed, null);
    }

    @Test
    void describesAnIssuedTokenWithTheNumberMasked() throws Exception {
        String line = AuditLog.line(new TokenOutcome(AppName.DEFAULT, null, null, number("+14155552671"), Via.SMS,
                "203.0.113.7", 1));
        assertEquals("token issued number=+1********71 country=US via=sms client=203.0.113.7 app=default", line);
    }

    @Test
    void describesARefusal() throws Exception {
        String line = AuditLog.line(new TokenOutcome(AppName.parse("ios").orElseThrow(), "policy",
                "country-refused", number("+79123456789"), null, "198.51.100.1", 1));
        assertEquals("token refused reason=policy problem=country-refused number=+7********89 country=RU"
                + " client=198.51.100.1 app=ios", line);
        assertFalse(line.contains("9123456789"));
    }

    @Test
    void describesARefusalWithoutANumber() {
        String line = AuditLog.line(new TokenOutcome(null, "unknown_app", "unknown-app", null, null,
                "::1", 1));
        assertEquals("token refused reason=unknown_app problem=unknown-app number=- country=- client=::1 app=unknown",
                line);
    }

    @Test
    void masksShortAndLongNumbers() throws Exception {
        assertEquals("+44********56", number("+447400123456").masked());
        assertEquals("+49*********89", number("+4915123456789").masked());
        assertEquals("+1********71", number("+14155552671").toString());
    }

    /** Runs the check with these as the root logger's handlers, and gives the root's own back afterwards. */
    private static void withRootHandlers(List<Handler> handlers, Consumer<Logger> check) {
        Logger root = Logger.getLogger("");
        Handler[] own = root.getHandlers();
        for (Handler handler : own) {
            root.removeHandler(handler);
        }
        handlers.forEach(root::addHandler);
        try {
            check.accept(Logger.getLogger(AuditLog.LOGGER));
        } finally {
            handlers.forEach(root::removeHandler);
            for (Handler handler : own) {
                root.addHandler(handler);
            }
        }
    }

    private static Handler console(Formatter formatter) {
        Handler console = new ConsoleHandler();
        console.setFormatter(formatter);
        return console;
    }

    @Test
    void writesItsOwnJsonWhereTheLogIsPayarasJsonOnTheConsoleAndGivesTheLoggerBackAtTheEnd() {
        withRootHandlers(List.of(console(new JSONLogFormatter())), audit -> {
            AuditLog log = new AuditLog();
            log.useOwnHandlerForJsonOnTheConsole();
            assertEquals(1, audit.getHandlers().length);
            assertInstanceOf(JsonAuditHandler.class, audit.getHandlers()[0]);
            assertFalse(audit.getUseParentHandlers(), "the line written once, not again by the console handler");
            log.giveBackToTheServersHandlers();
            assertEquals(0, audit.getHandlers().length);
            assertTrue(audit.getUseParentHandlers());
        });
    }

    @Test
    void leavesTheLineToTheServersHandlersAnywhereElse() {
        for (List<Handler> handlers : List.of(List.of(console(new SimpleFormatter())),
                List.of(console(new JSONLogFormatter()), new StreamHandler(System.out, new JSONLogFormatter())))) {
            withRootHandlers(handlers, audit -> {
                AuditLog log = new AuditLog();
                log.useOwnHandlerForJsonOnTheConsole();
                assertEquals(0, audit.getHandlers().length, handlers.toString());
                assertTrue(audit.getUseParentHandlers());
                log.giveBackToTheServersHandlers();
            });
        }
    }
}
