package iamnb.kernel.display.api;

import static iamnb.internal.Html.escape;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A progress bar for a long cell: an HTML bar replaced in place through update_display_data,
 * or a {@code \r}-rewritten line on stderr in a console. Redrawn at most
 * {@value #MAX_REDRAWS_PER_SECOND} times a second however often it is stepped, and turned into
 * one summary line by {@link #close()}.
 *
 * <pre>{@code
 * try (var p = progress("roles", roles.size())) {
 *     for (var r : roles) { inspect(r); p.step(); }
 * }   // → "✓ roles: 412 of 412 in 3.1 s (133/s)"
 * }</pre>
 *
 * Thread-safe: parallel streams may step it. A total of 0 means "unknown": the bar then only
 * counts. {@link #total(long)} and {@link #message(String)} let a collector that learns its size
 * late (the library's account collection) drive the same bar.
 */
public final class Progress implements AutoCloseable {

    static final int MAX_REDRAWS_PER_SECOND = 10;
    private static final long REDRAW_NANOS = 1_000_000_000L / MAX_REDRAWS_PER_SECOND;
    private static final int TEXT_BAR = 30;

    private final String label;
    private final DisplaySink sink;
    private final LongSupplier clock;
    private final long startNanos;
    private long total;
    private long done;
    private String message = "";
    private long lastDrawNanos;
    private String displayId;
    private boolean closed;

    Progress(String label, long total, DisplaySink sink, LongSupplier clock) {
        if (total < 0) {
            throw new IllegalArgumentException("progress total must be >= 0 (0 = unknown), was " + total);
        }
        this.label = Objects.requireNonNull(label, "label");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = clock;
        this.total = total;
        this.startNanos = clock.getAsLong();
        draw(true);
    }

    public synchronized Progress step() {
        return advance(1);
    }

    public synchronized Progress advance(long steps) {
        return set(done + steps);
    }

    /** Sets how many steps are done. */
    public synchronized Progress set(long doneSoFar) {
        done = Math.max(0, doneSoFar);
        draw(false);
        return this;
    }

    /** Changes the total, for work whose size is learned as it goes. */
    public synchronized Progress total(long newTotal) {
        total = Math.max(0, newTotal);
        draw(false);
        return this;
    }

    /** A short note shown after the counts, e.g. the item being worked on. */
    public synchronized Progress message(String note) {
        message = note == null ? "" : note;
        draw(false);
        return this;
    }

    public synchronized long done() {
        return done;
    }

    /** Replaces the bar with a summary line; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        double seconds = (clock.getAsLong() - startNanos) / 1e9;
        String counts = total > 0 ? String.format(Locale.ROOT, "%,d of %,d", done, total)
                : String.format(Locale.ROOT, "%,d", done);
        String rate = seconds > 0 ? String.format(Locale.ROOT, " (%,.0f/s)", done / seconds) : "";
        String summary = (total > 0 && done < total ? "✗ " : "✓ ") + (label.isEmpty() ? "" : label + ": ")
                + counts + String.format(Locale.ROOT, " in %.1f s", seconds) + rate;
        if (sink.textProgress()) {
            System.err.print("\r" + summary + " ".repeat(10) + "\n");
            System.err.flush();
        } else {
            sink.update(displayId, new Frame(summary, escape(summary)), Set.of());
        }
    }

    private void draw(boolean first) {
        if (closed) {
            return;
        }
        long now = clock.getAsLong();
        boolean finished = total > 0 && done >= total;
        if (!first && !finished && now - lastDrawNanos < REDRAW_NANOS) {
            return;
        }
        lastDrawNanos = now;
        double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 0;
        String counts = total > 0
                ? String.format(Locale.ROOT, "%3.0f%% %,d/%,d", fraction * 100, done, total)
                : String.format(Locale.ROOT, "%,d", done);
        String elapsed = String.format(Locale.ROOT, "%.1f s", (now - startNanos) / 1e9);
        String prefix = label.isEmpty() ? "" : label + " ";
        String note = message.isEmpty() ? "" : " · " + message;
        if (sink.textProgress()) {
            int filled = (int) Math.round(fraction * TEXT_BAR);
            String bar = total > 0 ? "[" + "#".repeat(filled) + ".".repeat(TEXT_BAR - filled) + "] " : "";
            System.err.print("\r" + prefix + bar + counts + " " + elapsed + note);
            System.err.flush();
            return;
        }
        String text = prefix + counts + " " + elapsed + note;
        String html = "<div style=\"display:flex;align-items:center;gap:0.6em;font-size:0.9em\">"
                + (label.isEmpty() ? "" : "<span>" + escape(label) + "</span>")
                + "<div style=\"width:260px;height:0.9em;background:#e6e6e6;border-radius:3px;overflow:hidden\">"
                + "<div style=\"width:" + String.format(Locale.ROOT, "%.1f", fraction * 100)
                + "%;height:100%;background:#3b7dd8\"></div></div>"
                + "<span style=\"font-variant-numeric:tabular-nums\">"
                + escape(counts.strip() + " · " + elapsed + note)
                + "</span></div>";
        Frame frame = new Frame(text, html);
        if (first) {
            displayId = sink.display(frame, Set.of());
        } else {
            sink.update(displayId, frame, Set.of());
        }
    }

    /** One drawing of the bar, rendered by the kernel through its toMimeBundle(). */
    public record Frame(String text, String html) {
        public Map<String, Object> toMimeBundle() {
            return Map.of("text/html", html, "text/plain", text);
        }
    }
}
