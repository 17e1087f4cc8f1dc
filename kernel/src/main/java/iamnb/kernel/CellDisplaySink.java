package iamnb.kernel;

import iamnb.kernel.display.Displayer;
import iamnb.kernel.display.MimeBundle;
import iamnb.kernel.display.api.DisplaySink;
import iamnb.kernel.eval.CellStreams;
import iamnb.kernel.eval.OutputRouter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Connects the notebook API ({@code display(x)}, {@code updateDisplay}, {@code clearOutput}) to the display
 * publisher of the cell the calling thread belongs to, as the {@link OutputRouter} attributes threads.
 */
final class CellDisplaySink implements DisplaySink {
    private final OutputRouter router;
    private final boolean textProgress;

    /** {@code textProgress}: draw progress as text on stderr (IAMNB_PROGRESS=text, for jupyter console). */
    CellDisplaySink(OutputRouter router, boolean textProgress) {
        this.router = router;
        this.textProgress = textProgress;
    }

    @Override
    public String display(Object value, Set<String> mimeTypes) {
        CellStreams cell = cell();
        String id = UUID.randomUUID().toString();
        cell.display().display(only(render(cell, value, mimeTypes), mimeTypes), id);
        return id;
    }

    @Override
    public void update(String displayId, Object value, Set<String> mimeTypes) {
        CellStreams cell = cell();
        cell.display().update(displayId, only(render(cell, value, mimeTypes), mimeTypes));
    }

    @Override
    public void clearOutput(boolean wait) {
        cell().display().clearOutput(wait);
    }

    @Override
    public boolean textProgress() {
        return textProgress;
    }

    /**
     * Renders through the cell's displayer; renderer failures go to the cell's stderr. A string given with mime
     * types is already in those types (HTML, Markdown, SVG source), so it is not rendered as text.
     */
    private static MimeBundle render(CellStreams cell, Object value, Set<String> mimeTypes) {
        if (value instanceof CharSequence text && !mimeTypes.isEmpty()) {
            return Displayer.textAs(text.toString(), mimeTypes);
        }
        return cell.display().displayer().render(value, problem -> {
            byte[] bytes = (problem + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            cell.write(OutputRouter.Stream.STDERR, bytes, 0, bytes.length);
        });
    }

    private CellStreams cell() {
        return router.cellOfCurrentThread().filter(c -> c.display() != null).orElseThrow(() -> new IllegalStateException(
                "display(...) works only while a notebook cell runs (no cell is running)"));
    }

    /** Keeps only the requested mime types (all when none are requested); text/plain is always kept. */
    private static MimeBundle only(MimeBundle bundle, Set<String> mimeTypes) {
        if (mimeTypes.isEmpty()) {
            return bundle;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        bundle.data().forEach((type, data) -> {
            if (mimeTypes.contains(type) || type.equals("text/plain")) {
                kept.put(type, data);
            }
        });
        return new MimeBundle(kept, bundle.metadata());
    }
}
