package iamnb.kernel;

import java.io.PrintStream;
import java.time.LocalTime;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sends the kernel's log (System.Logger, backed by java.util.logging) to the kernel's original stderr,
 * one line per record, before the routing streams replace System.err. Level from {@code IAMNB_LOG_LEVEL}
 * (a java.util.logging level name; default WARNING, so
 * start-up chatter such as "JShell ready" stays out of jupyter console and nbconvert output).
 */
final class KernelLogging {
    private KernelLogging() {}

    static void configure(PrintStream kernelErr, String level) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Level threshold = parse(level);
        root.setLevel(threshold);
        root.addHandler(new Handler() {
            {
                setLevel(threshold);
                setFormatter(new Formatter() {
                    @Override
                    public String format(LogRecord r) {
                        StringBuilder line = new StringBuilder()
                                .append('[').append(r.getLevel().getName().charAt(0)).append(' ')
                                .append(LocalTime.now()).append(" iamnb] ").append(formatMessage(r)).append('\n');
                        if (r.getThrown() != null) {
                            java.io.StringWriter trace = new java.io.StringWriter();
                            r.getThrown().printStackTrace(new java.io.PrintWriter(trace));
                            line.append(trace);
                        }
                        return line.toString();
                    }
                });
            }

            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    kernelErr.print(getFormatter().format(record));
                    kernelErr.flush();
                }
            }

            @Override
            public void flush() {
                kernelErr.flush();
            }

            @Override
            public void close() {
                flush();
            }
        });
    }

    private static Level parse(String level) {
        if (level == null || level.isBlank()) {
            return Level.WARNING;
        }
        try {
            return Level.parse(level.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.WARNING;
        }
    }
}
