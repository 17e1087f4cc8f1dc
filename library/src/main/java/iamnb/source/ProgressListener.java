package iamnb.source;

/**
 * Hears how a live collection advances, phase by phase, e.g. to draw a progress bar in a notebook. Calls come
 * from the collecting threads but never concurrently (the collector serialises them).
 */
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void started(String phase, int total) {}

        @Override
        public void advanced(String phase, int done) {}

        @Override
        public void finished(String summary) {}
    };

    /**
     * A phase begins.
     *
     * @param phase e.g. {@code "authorization details"}, {@code "users"}, {@code "buckets"}
     * @param total the number of steps, or 0 when unknown in advance (paged calls)
     */
    void started(String phase, int total);

    /** {@code done} steps of the phase are complete. */
    void advanced(String phase, int done);

    /** The whole collection is over; {@code summary} says what was read and what was skipped. */
    void finished(String summary);

    /**
     * {@code target} called one call at a time, whichever collecting thread calls: how collectors keep their promise
     * that calls never overlap.
     */
    static ProgressListener serialised(ProgressListener target) {
        return new ProgressListener() {
            @Override
            public synchronized void started(String phase, int total) {
                target.started(phase, total);
            }

            @Override
            public synchronized void advanced(String phase, int done) {
                target.advanced(phase, done);
            }

            @Override
            public synchronized void finished(String summary) {
                target.finished(summary);
            }
        };
    }
}
