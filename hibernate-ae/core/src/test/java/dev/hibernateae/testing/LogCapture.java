package dev.hibernateae.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what hibernate-ae logs (System.Logger goes to java.util.logging here) at a level or above, lowering the
 * logger's own level for the capture if needed and restoring it on close.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level savedLevel;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(String name, Level level) {
        this.logger = Logger.getLogger(name);
        this.savedLevel = logger.getLevel();
        setLevel(level);
        if (!logger.isLoggable(level)) {
            logger.setLevel(level);
        }
        logger.addHandler(this);
    }

    /** Everything logged at {@code level} or above under {@code dev.hibernateae}. */
    public static LogCapture of(Level level) {
        return of("dev.hibernateae", level);
    }

    /** Everything logged at {@code level} or above under the logger {@code name}. */
    public static LogCapture of(String name, Level level) {
        return new LogCapture(name, level);
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    /** Forgets what was captured so far. */
    public void clear() {
        records.clear();
    }

    /** The formatted messages logged so far. */
    public List<String> messages() {
        return records.stream().map(r -> new java.util.logging.SimpleFormatter().formatMessage(r)).toList();
    }

    /** Messages at SEVERE, which System.Logger's ERROR becomes. */
    public List<String> errors() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(r -> new java.util.logging.SimpleFormatter().formatMessage(r)).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(savedLevel);
    }
}
