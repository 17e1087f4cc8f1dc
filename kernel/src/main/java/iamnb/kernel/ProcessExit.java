package iamnb.kernel;

/**
 * Ends the kernel's JVM, whatever state it is in. {@link System#exit} runs shutdown hooks, and a hook that user
 * code registered (or one that waits for a lock a running cell holds) could keep the process alive: a guard
 * halts the JVM when the orderly exit has not finished within {@link #GRACE_MS} ms.
 */
final class ProcessExit {
    static final long GRACE_MS = 3000;

    private ProcessExit() {}

    static void exit(int status) {
        exitAfter(status, () -> { });
    }

    /**
     * Runs {@code cleanup} (closing sockets, say) and exits with {@code status}; the JVM halts if both together
     * take longer than {@link #GRACE_MS} ms (a failing cleanup is logged, and the exit goes on).
     */
    static void exitAfter(int status, Runnable cleanup) {
        Thread guard = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MS);
            } catch (InterruptedException e) {
                // halting is what this thread is for; an interrupt changes nothing
            }
            Runtime.getRuntime().halt(status);
        }, "iamnb-exit-guard");
        guard.setDaemon(true);
        guard.start();
        try {
            cleanup.run();
        } catch (RuntimeException e) {
            System.getLogger("iamnb.kernel").log(System.Logger.Level.WARNING, "while exiting", e);
        }
        System.exit(status);
    }
}
