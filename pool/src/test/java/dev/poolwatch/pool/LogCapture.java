package dev.poolwatch.pool;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Collects what the library logs through {@code System.getLogger("dev.poolwatch.pool")}, which the
 * JDK routes to the {@code java.util.logging} logger of the same name.
 */
final class LogCapture extends Handler implements AutoCloseable {

    // Held strongly: java.util.logging keeps loggers only weakly, and would drop the handler with it.
    private final Logger logger = Logger.getLogger("dev.poolwatch.pool");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private final boolean printedBefore = logger.getUseParentHandlers();

    LogCapture() {
        logger.addHandler(this);
        logger.setUseParentHandlers(false);
    }

    List<LogRecord> recordsMentioning(String text) {
        return records.stream()
                .filter(r -> r.getMessage() != null && r.getMessage().contains(text))
                .collect(Collectors.toList());
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(printedBefore);
    }
}
