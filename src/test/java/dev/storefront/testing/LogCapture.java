package dev.storefront.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the application logs while it is open, to check what a request wrote to the log. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    /** Every message logged while capturing, formatted. */
    public List<String> messages() {
        return records.stream().map(r -> r.getParameters() == null ? r.getMessage()
                : String.format(r.getMessage().replaceAll("\\{\\d+}", "%s"), r.getParameters())).toList();
    }

    /** Records that carry an exception, i.e. would print a stack trace. */
    public List<LogRecord> withStackTraces() {
        return records.stream().filter(r -> r.getThrown() != null).toList();
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
        Logger.getLogger("").removeHandler(this);
    }
}
