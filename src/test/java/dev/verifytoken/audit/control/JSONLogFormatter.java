package dev.verifytoken.audit.control;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** Stands in for Payara's {@code fish.payara.enterprise.server.logging.JSONLogFormatter}: the same simple name. */
public class JSONLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        return record.getMessage() + "\n";
    }
}
