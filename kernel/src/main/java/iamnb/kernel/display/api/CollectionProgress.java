package iamnb.kernel.display.api;

import static iamnb.internal.Html.escape;

import iamnb.source.ProgressListener;

/**
 * The library's live-collection progress drawn as bars: one {@link Progress} per phase
 * ("users", "roles", ...), each turning into its summary line when the next phase starts, then
 * the collector's own summary. Use it as
 * {@code Iam.live(o -> o.progress(progressListener()))}.
 */
final class CollectionProgress implements ProgressListener {

    private final DisplaySink sink;
    private Progress current;

    CollectionProgress(DisplaySink sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void started(String phase, int total) {
        closeCurrent();
        current = new Progress(phase, Math.max(0, total), sink, System::nanoTime);
    }

    @Override
    public synchronized void advanced(String phase, int done) {
        if (current == null) {
            started(phase, 0);
        }
        current.set(done);
    }

    @Override
    public synchronized void finished(String summary) {
        closeCurrent();
        sink.display(new Progress.Frame(summary, "<div style=\"font-size:0.9em\">"
                + escape(summary) + "</div>"), java.util.Set.of());
    }

    private void closeCurrent() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
