package iamnb.kernel.display.api;

import static iamnb.internal.Html.escape;

import iamnb.source.ProgressListener;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The library's collection progress drawn as bars: one {@link Progress} per phase ("users", "roles", ... for one
 * account; "accounts" and one phase per member account for an organization), then the collector's own summary. Use
 * it as {@code Iam.live(o -> o.progress(progressListener()))} or {@code Iam.organization(o ->
 * o.progress(progressListener()))}.
 *
 * <p>Several phases may run at once (an organization collects a few accounts in parallel beside its overall bar), so
 * each phase keeps its own bar, found by name. A new phase closes the bars that are complete or have no total (a
 * sequential collector's previous phase, an earlier account's bar); a bar with a total still to reach (the overall
 * "accounts" bar) stays open until it is reached or the collector finishes.
 */
final class CollectionProgress implements ProgressListener {

    /** An open bar and the total it counts to (0 when unknown). */
    private record Bar(Progress progress, int total) {
        boolean stillCounting() {
            return total > 0 && progress.done() < total;
        }
    }

    private final DisplaySink sink;
    private final Map<String, Bar> open = new LinkedHashMap<>();

    CollectionProgress(DisplaySink sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void started(String phase, int total) {
        closeAllBut(true);
        Bar old = open.remove(phase);
        if (old != null) {
            old.progress().close();
        }
        open.put(phase, new Bar(new Progress(phase, Math.max(0, total), sink, System::nanoTime), Math.max(0, total)));
    }

    @Override
    public synchronized void advanced(String phase, int done) {
        Bar bar = open.get(phase);
        if (bar == null) {
            started(phase, 0);
            bar = open.get(phase);
        }
        bar.progress().set(done);
    }

    @Override
    public synchronized void finished(String summary) {
        closeAllBut(false);
        sink.display(new Progress.Frame(summary, "<div style=\"font-size:0.9em\">"
                + escape(summary) + "</div>"), java.util.Set.of());
    }

    /** Closes every open bar, or (keepCounting) every one but those with a total still to reach. */
    private void closeAllBut(boolean keepCounting) {
        for (Iterator<Bar> it = open.values().iterator(); it.hasNext(); ) {
            Bar bar = it.next();
            if (!keepCounting || !bar.stillCounting()) {
                bar.progress().close();
                it.remove();
            }
        }
    }
}
