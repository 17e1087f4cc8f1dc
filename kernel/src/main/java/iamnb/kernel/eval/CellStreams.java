package iamnb.kernel.eval;

import iamnb.kernel.display.DisplayPublisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One cell's stdout, stderr and stdin.
 *
 * <p>Output is buffered per stream and published as {@code stream} messages: at most {@value #MAX_BUFFERED}
 * bytes wait (a full buffer is published by the writing thread itself, which bounds memory and slows a
 * flood down to what iopub can carry), and anything written is published within {@value #FLUSH_DELAY_MS} ms
 * by a timer (no sleeping loop). Switching between stdout and stderr publishes what the other stream holds
 * first, so the two interleave in the order they were written. Text is cut only at UTF-8 character
 * boundaries.
 *
 * <p>Input: a read asks the front end for a line (input_request) through the cell's {@link LineReader},
 * after publishing pending output so a prompt printed with {@code print} is visible.
 */
public final class CellStreams {
    static final int MAX_BUFFERED = 8192;
    static final long FLUSH_DELAY_MS = 10;

    /** Where finished chunks go: a {@code stream} message with name stdout or stderr. */
    @FunctionalInterface
    public interface StreamSink {
        void publish(String name, String text);
    }

    /** Reads one line from the front end, without the newline; throws when input is not possible. */
    @FunctionalInterface
    public interface LineReader {
        String readLine() throws IOException;
    }

    private final StreamSink sink;
    private final ScheduledExecutorService timer;
    private final LineReader input;
    private final Buffer stdout = new Buffer("stdout");
    private final Buffer stderr = new Buffer("stderr");
    private final Object outputLock = new Object();
    private final Object inputLock = new Object();
    private Buffer lastWritten = stdout;
    private ScheduledFuture<?> scheduledFlush;
    private byte[] line = new byte[0];
    private int linePosition;
    private volatile DisplayPublisher display;

    public CellStreams(StreamSink sink, ScheduledExecutorService timer, LineReader input) {
        this.sink = sink;
        this.timer = timer;
        this.input = input;
    }

    public void write(OutputRouter.Stream stream, byte[] bytes, int offset, int length) {
        synchronized (outputLock) {
            Buffer target = stream == OutputRouter.Stream.STDOUT ? stdout : stderr;
            if (target != lastWritten) {
                lastWritten.publish(false);
                lastWritten = target;
            }
            while (length > 0) {
                int n = target.append(bytes, offset, length);
                offset += n;
                length -= n;
                if (target.size == MAX_BUFFERED) {
                    target.publish(false);
                }
            }
            if (target.size > 0 && scheduledFlush == null) {
                scheduledFlush = timer.schedule(this::flush, FLUSH_DELAY_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Publishes everything buffered, including an incomplete trailing character. */
    public void flush() {
        synchronized (outputLock) {
            if (scheduledFlush != null) {
                scheduledFlush.cancel(false);
                scheduledFlush = null;
            }
            Buffer other = lastWritten == stdout ? stderr : stdout;
            other.publish(true);
            lastWritten.publish(true);
        }
    }

    /** Reads stdin bytes, fetching a new line from the front end when the current one is used up. */
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        synchronized (inputLock) {
            if (linePosition >= line.length) {
                flush();
                line = (input.readLine() + "\n").getBytes(StandardCharsets.UTF_8);
                linePosition = 0;
            }
            int n = Math.min(length, line.length - linePosition);
            System.arraycopy(line, linePosition, bytes, offset, n);
            linePosition += n;
            return n;
        }
    }

    public int available() {
        synchronized (inputLock) {
            return line.length - linePosition;
        }
    }

    /** The cell's display publisher, for {@code display(...)} called from the cell's threads. */
    public DisplayPublisher display() {
        return display;
    }

    public void attachDisplay(DisplayPublisher publisher) {
        this.display = publisher;
    }

    /** Bytes of one stream waiting to be published. Guarded by {@link #outputLock}. */
    private final class Buffer {
        private final String name;
        private final byte[] bytes = new byte[MAX_BUFFERED];
        private int size;

        Buffer(String name) {
            this.name = name;
        }

        int append(byte[] source, int offset, int length) {
            int n = Math.min(length, MAX_BUFFERED - size);
            System.arraycopy(source, offset, bytes, size, n);
            size += n;
            return n;
        }

        void publish(boolean everything) {
            int end = everything ? size : completeCharactersEnd(bytes, size);
            if (end == 0) {
                return;
            }
            String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
            System.arraycopy(bytes, end, bytes, 0, size - end);
            size -= end;
            sink.publish(name, text);
        }
    }

    /** Length of the longest prefix of {@code bytes[0, size)} that ends on a UTF-8 character boundary. */
    static int completeCharactersEnd(byte[] bytes, int size) {
        for (int i = size - 1; i >= Math.max(0, size - 4); i--) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                return size; // ASCII: everything before it is complete too
            }
            if (b >= 0xC0) { // lead byte of a multi-byte character
                int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return i + needed <= size ? size : i;
            }
        }
        return size;
    }

    @Override
    public String toString() {
        return "CellStreams" + Arrays.asList(stdout.size, stderr.size);
    }
}
