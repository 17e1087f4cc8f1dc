package iamnb.kernel.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Routes {@code System.out}, {@code System.err} and {@code System.in} to the cell that is writing or reading.
 *
 * <p>With the in-process engine, user code writes to whatever {@code System.out} is; so one routing pair is
 * installed at start-up and never swapped (references cached by libraries keep working). Each write goes to:
 * <ol>
 *   <li>the cell recorded in an {@link InheritableThreadLocal} &mdash; set on the snippet thread when a cell
 *       runs, inherited by threads it starts, so a thread printing after its cell ended still prints there;</li>
 *   <li>the kernel's original streams, for the kernel's own threads (named {@code iamnb-*});</li>
 *   <li>the running cell (e.g. common-pool workers, which inherit nothing), else the last cell.</li>
 * </ol>
 * Known limit: an executor created in one cell keeps attributing its tasks' output to that cell.
 */
public final class OutputRouter {
    /** The two output streams of a cell. */
    public enum Stream { STDOUT, STDERR }

    private final PrintStream kernelOut;
    private final PrintStream kernelErr;
    private final InheritableThreadLocal<CellStreams> cellOfThread = new InheritableThreadLocal<>();
    private volatile CellStreams running;
    private volatile CellStreams latest;

    public OutputRouter(PrintStream kernelOut, PrintStream kernelErr) {
        this.kernelOut = kernelOut;
        this.kernelErr = kernelErr;
    }

    /** Installs the routing streams as System.out/err/in. Once, at start-up. */
    public void install() {
        System.setOut(printStream(Stream.STDOUT));
        System.setErr(printStream(Stream.STDERR));
        System.setIn(new RoutingInput());
    }

    PrintStream printStream(Stream stream) {
        return new PrintStream(new RoutingOutput(stream), false, StandardCharsets.UTF_8);
    }

    /** Marks {@code cell} as the running cell. */
    public void begin(CellStreams cell) {
        running = cell;
        latest = cell;
    }

    /** Publishes what the cell still buffers; later writes from its threads still reach it. */
    public void end(CellStreams cell) {
        if (running == cell) {
            running = null;
        }
        cell.flush();
    }

    /** True while {@code cell} is the running cell (between {@link #begin} and {@link #end}). */
    public boolean isRunning(CellStreams cell) {
        return cell != null && running == cell;
    }

    /** Attributes the calling thread, and threads it will start, to {@code cell}. */
    public void bindCurrentThread(CellStreams cell) {
        cellOfThread.set(cell);
    }

    /** The cell the calling thread writes to, if any. */
    public Optional<CellStreams> cellOfCurrentThread() {
        return Optional.ofNullable(resolve());
    }

    private CellStreams resolve() {
        CellStreams bound = cellOfThread.get();
        if (bound != null) {
            return bound;
        }
        if (Thread.currentThread().getName().startsWith("iamnb-")) {
            return null;
        }
        CellStreams now = running;
        return now != null ? now : latest;
    }

    private final class RoutingOutput extends OutputStream {
        private final Stream stream;

        RoutingOutput(Stream stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            CellStreams cell = resolve();
            if (cell != null) {
                cell.write(stream, bytes, offset, length);
            } else {
                (stream == Stream.STDOUT ? kernelOut : kernelErr).write(bytes, offset, length);
            }
        }

        @Override
        public void flush() {
            CellStreams cell = resolve();
            if (cell != null) {
                cell.flush();
            } else {
                (stream == Stream.STDOUT ? kernelOut : kernelErr).flush();
            }
        }
    }

    private final class RoutingInput extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            CellStreams cell = resolve();
            if (cell == null) {
                return -1; // kernel threads have no stdin
            }
            return cell.read(bytes, offset, length);
        }

        @Override
        public int available() {
            CellStreams cell = resolve();
            return cell == null ? 0 : cell.available();
        }
    }
}
