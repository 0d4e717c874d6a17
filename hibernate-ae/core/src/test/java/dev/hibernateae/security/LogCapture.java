package dev.hibernateae.security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what hibernate-ae logs (System.Logger goes to java.util.logging here) at a level or above. */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(String name, Level level) {
        this.logger = Logger.getLogger(name);
        setLevel(level);
        logger.addHandler(this);
    }

    /** Everything logged at {@code level} or above under {@code dev.hibernateae}. */
    static LogCapture of(Level level) {
        return new LogCapture("dev.hibernateae", level);
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    /** The formatted messages logged so far. */
    List<String> messages() {
        return records.stream().map(r -> new java.util.logging.SimpleFormatter().formatMessage(r)).toList();
    }

    /** Messages at SEVERE, which System.Logger's ERROR becomes. */
    List<String> errors() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(r -> new java.util.logging.SimpleFormatter().formatMessage(r)).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
