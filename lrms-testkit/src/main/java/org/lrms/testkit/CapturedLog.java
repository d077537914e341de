package org.lrms.testkit;

import java.sql.SQLException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything the service under test logs while open, as one text: each record's message and every exception of its
 * cause chain (with a batch's next exceptions), as a log file would show them. For tests that no personal data
 * reaches the log.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final StringBuilder text = new StringBuilder();

    private CapturedLog() {
        setLevel(Level.ALL);
        root.addHandler(this);
    }

    public static CapturedLog start() {
        return new CapturedLog();
    }

    public synchronized String text() {
        return text.toString();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        text.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(' ')
                .append(formatter.formatMessage(record)).append('\n');
        for (Throwable t = record.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append("  ").append(t).append('\n');
            if (t instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null; next = next.getNextException()) {
                    text.append("  next ").append(next).append('\n');
                }
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
