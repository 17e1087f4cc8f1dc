package iamnb.kernel.display.api;

import java.util.Objects;
import java.util.Set;

/**
 * The display functions every cell can call without imports: the kernel runs
 * {@code import static iamnb.kernel.display.api.Notebook.*;} at start-up.
 *
 * <pre>{@code
 * display(table);                          // rich output now, not only at the cell's end
 * display(table, "text/plain");            // choose mime types
 * var h = display(Markdown.of("working…")); h.update(Markdown.of("done"));
 * updateDisplay(h.id(), chart);
 * clearOutput(true);
 * try (var p = progress(users.size())) { for (var u : users) { check(u); p.step(); } }
 * }</pre>
 *
 * <p>Why static: JShell snippets can only reach the kernel through a class on its class path,
 * and a static method call is the one seam that needs no object handed in. The kernel
 * {@link #connect connects} its publisher once at start-up; everything behind it is wired
 * through constructors.
 */
public final class Notebook {

    private static volatile DisplaySink sink = DisplaySink.CONSOLE;

    private Notebook() {}

    /** Called by the kernel at start-up; returns the sink that was connected before. */
    public static DisplaySink connect(DisplaySink newSink) {
        DisplaySink old = sink;
        sink = Objects.requireNonNull(newSink, "sink");
        return old;
    }

    public static DisplayHandle display(Object value) {
        DisplaySink s = sink;
        return new DisplayHandle(s.display(value, Set.of()), s);
    }

    /** Shows only the given mime types, e.g. {@code display(table, "text/html")}. */
    public static DisplayHandle display(Object value, String... mimeTypes) {
        DisplaySink s = sink;
        return new DisplayHandle(s.display(value, Set.of(mimeTypes)), s);
    }

    public static void updateDisplay(String displayId, Object value) {
        sink.update(displayId, value, Set.of());
    }

    public static void updateDisplay(DisplayHandle handle, Object value) {
        handle.update(value);
    }

    public static void clearOutput() {
        clearOutput(false);
    }

    /** With {@code wait}, the front end clears only when the next output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        sink.clearOutput(wait);
    }

    /** A progress bar for {@code total} steps, shown in place and ended by {@link Progress#close()}. */
    public static Progress progress(long total) {
        return progress("", total);
    }

    public static Progress progress(String label, long total) {
        return new Progress(label, total, sink, System::nanoTime);
    }

    /**
     * A listener for the library's live collection that draws each phase as a progress bar:
     * {@code var acct = Iam.live(o -> o.progress(progressListener()));}
     */
    public static iamnb.source.ProgressListener progressListener() {
        return new CollectionProgress(sink);
    }
}
