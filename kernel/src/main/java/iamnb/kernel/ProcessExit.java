package iamnb.kernel;

/**
 * Ends the kernel's JVM, whatever state it is in. {@link System#exit} runs shutdown hooks, and a hook that user
 * code registered (or one that waits for a lock a running cell holds) could keep the process alive: a guard
 * halts the JVM when the orderly exit has not finished within {@link #GRACE_MS} ms.
 */
final class ProcessExit {
    static final long GRACE_MS = 3000;
    private static final java.util.concurrent.CountDownLatch NEVER = new java.util.concurrent.CountDownLatch(1);
    private static volatile boolean exiting;

    private ProcessExit() {}

    static void exit(int status) {
        exitAfter(status, () -> { });
    }

    /**
     * Runs {@code cleanup} (closing sockets, say) and exits with {@code status}; the JVM halts if both together
     * take longer than {@link #GRACE_MS} ms (a failing cleanup is logged, and the exit goes on).
     */
    static void exitAfter(int status, Runnable cleanup) {
        exiting = true;
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

    /**
     * For the main thread when its serving loop has ended. Every other kernel thread is a daemon, so returning
     * from {@code main} ends the JVM at once: during a shutdown that cut short the closing of the context, and
     * with it the shutdown_reply still on its way (seen on JDK 25 when shutdown came before JShell was ready).
     * So while an exit is in progress this waits for it to end the process; otherwise it returns.
     */
    static void awaitExitInProgress() {
        while (exiting) {
            try {
                NEVER.await();
            } catch (InterruptedException e) {
                // keep waiting: the exit in progress ends this thread with the process
            }
        }
    }
}
