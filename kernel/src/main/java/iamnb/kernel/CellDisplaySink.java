package iamnb.kernel;

import iamnb.kernel.display.DisplayPublisher;
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

    CellDisplaySink(OutputRouter router) {
        this.router = router;
    }

    @Override
    public String display(Object value, Set<String> mimeTypes) {
        DisplayPublisher cell = cell();
        String id = UUID.randomUUID().toString();
        cell.display(only(cell.displayer().render(value), mimeTypes), id);
        return id;
    }

    @Override
    public void update(String displayId, Object value, Set<String> mimeTypes) {
        DisplayPublisher cell = cell();
        cell.update(displayId, only(cell.displayer().render(value), mimeTypes));
    }

    @Override
    public void clearOutput(boolean wait) {
        cell().clearOutput(wait);
    }

    @Override
    public boolean textProgress() {
        return false;
    }

    private DisplayPublisher cell() {
        return router.cellOfCurrentThread().map(CellStreams::display).orElseThrow(() -> new IllegalStateException(
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
