package iamnb.kernel.eval;

/**
 * The thread group of a cell's thread, and so of every thread the cell starts. It lives beside JShell's snippet
 * group, not inside it (JShell joins what it finds there), so the kernel stops it itself on interrupt
 * ({@link Trampoline.Invocation#stopThreads}); JShell's woven stop checks (25) reach it anyway.
 *
 * <p>It exists for the uncaught exceptions of those threads: JShell's own handlers (the default handler it
 * replaces on every invoke on 17, its group on 25) drop them silently. Here they go to {@code report}, which
 * shows them on the cell's stderr or in the kernel log. {@code ThreadDeath} (a stop) is expected and dropped.
 */
final class CellThreadGroup extends ThreadGroup {
    private final Thread.UncaughtExceptionHandler report;

    CellThreadGroup(ThreadGroup parent, Thread.UncaughtExceptionHandler report) {
        super(parent, "iamnb cell");
        this.report = report;
        // Not a daemon group: JDK 17 destroys an empty daemon group, and thread factories remember the group of
        // the thread that made them, so an executor made in one cell (or an AWS SDK client's, which starts its
        // threads lazily) would fail with IllegalThreadStateException when it starts a thread in a later one.
        // The price on 17: the parent keeps each group (~50 bytes a snippet); JDK 19+ keeps them weakly.
    }

    @Override
    @SuppressWarnings("removal")
    public void uncaughtException(Thread thread, Throwable thrown) {
        if (thrown instanceof ThreadDeath) {
            return;
        }
        try {
            report.uncaughtException(thread, thrown);
        } catch (Throwable failed) {
            super.uncaughtException(thread, thrown);
        }
    }
}
