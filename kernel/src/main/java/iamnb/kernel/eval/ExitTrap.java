package iamnb.kernel.eval;

/**
 * Where cell code lands when it calls {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}:
 * {@link ExitCallRewriter} redirects those calls here in every class JShell loads, so a cell cannot end the
 * kernel process (and lose every variable of the session).
 *
 * <p>Why a rewrite and not a {@code SecurityManager}: the Security Manager is deprecated on 17 and cannot be
 * installed at all on 24+, and a {@code Runtime} shutdown hook runs too late (the exit is already decided).
 * The kernel runs on both JDKs, so the calls are replaced in the snippet bytecode instead.
 *
 * <p>Each call throws {@link ExitRefusedError} and records the call, so the evaluator can end the cell with
 * a clear error even when the call came from a thread the cell started or the error was caught.
 */
public final class ExitTrap {
    private static volatile String attempted;
    /** The thread that made the last refused call: it is ending now, its uncaught-exception report on the way. */
    private static volatile Thread caller;

    private ExitTrap() {}

    /** Replaces {@code System.exit(status)} in cell code. */
    public static void systemExit(int status) {
        throw refuse("System.exit(" + status + ")", status);
    }

    /** Replaces {@code runtime.exit(status)} in cell code. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw refuse("Runtime.exit(" + status + ")", status);
    }

    /** Replaces {@code runtime.halt(status)} in cell code. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw refuse("Runtime.halt(" + status + ")", status);
    }

    private static ExitRefusedError refuse(String call, int status) {
        String message = message(call);
        caller = Thread.currentThread();
        attempted = message;
        return new ExitRefusedError(message);
    }

    static String message(String call) {
        return call + " was called; use the notebook's restart instead";
    }

    /**
     * Waits up to {@code millis} for the thread that made the last refused call to end, unless it is the calling
     * thread. A cell whose snippet started a thread that called {@code System.exit} may notice the refusal while
     * that thread is still reporting it; waiting lets the report reach the cell's stderr, not the kernel log.
     */
    static void awaitCaller(long millis) {
        Thread t = caller;
        caller = null;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The message of the last refused exit since the previous call, then forgets it; null if none. */
    static String takeAttempt() {
        String message = attempted;
        attempted = null;
        return message;
    }

    /** Thrown instead of ending the kernel. An {@link Error}, so {@code catch (Exception e)} does not hide it. */
    public static final class ExitRefusedError extends Error {
        private static final long serialVersionUID = 1L;

        ExitRefusedError(String message) {
            super(message, null, false, false);
        }
    }
}
