package iamnb.kernel.eval;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The method JShell's local engine actually invokes for every snippet, so the kernel gets the snippet's live
 * value (the stock engine keeps only its string form) while JShell's own thread, stop and stack-trace
 * machinery stay untouched.
 *
 * <p>{@link KernelExecutionControl#invoke(Method)} parks the snippet's {@code do_it$} as a pending
 * {@link Invocation} and asks JShell to invoke {@link #run}, a public static no-arg method: that is the only
 * shape JShell can call, which is why the hand-over is a static (one JShell runs one snippet at a time, so
 * there is never more than one pending invocation). Exceptions, including the {@code ThreadDeath} of a stop,
 * propagate unwrapped.
 */
public final class Trampoline {
    static final Method RUN;
    private static final AtomicReference<Invocation> PENDING = new AtomicReference<>();

    static {
        try {
            RUN = Trampoline.class.getMethod("run");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Trampoline() {}

    /** Invoked by JShell on its snippet thread. Not for user code. Always returns null (see below). */
    public static Object run() throws Throwable {
        Invocation invocation = PENDING.getAndSet(null);
        if (invocation == null) {
            throw new IllegalStateException("iamnb trampoline called without a pending snippet");
        }
        invocation.call();
        // Not the value: JShell would turn it into a string with toString() on the kernel's shell thread, where
        // a toString() that throws an Error or never returns ends or hangs the kernel. The kernel keeps the live
        // value (Invocation.result) and renders it under the display's guard instead.
        return null;
    }

    static void park(Invocation invocation) {
        PENDING.set(invocation);
    }

    /**
     * One snippet execution. The snippet does not run on JShell's own snippet thread but on a cell thread that
     * JShell's thread starts (so it is in the same thread group and JShell's stop reaches it) while JShell's
     * thread waits for it. Why the extra thread: a snippet that ignores the stop (a deadlock, a blocking
     * {@code accept()}, a loop that catches {@code Throwable}) would otherwise hold JShell's thread, which JShell
     * joins, for ever. {@link #abandon} releases the waiting thread instead and the cell thread is left behind.
     */
    static final class Invocation {
        private static final MethodType OBJECT = MethodType.methodType(Object.class);

        private final MethodHandle target;
        private final Runnable onCellThread;
        private final Thread.UncaughtExceptionHandler uncaught;
        private final CompletableFuture<Object> outcome = new CompletableFuture<>();
        private volatile Object result;
        private volatile Throwable thrown;
        private volatile boolean abandoned;
        private final ThreadGroup cellThreadParent;
        private volatile ThreadGroup cellThreads;

        Invocation(MethodHandle target, Runnable onCellThread, Thread.UncaughtExceptionHandler uncaught,
                ThreadGroup cellThreadParent) {
            this.target = target.asType(OBJECT);
            this.cellThreadParent = cellThreadParent;
            this.onCellThread = onCellThread;
            this.uncaught = uncaught;
        }

        /** On JShell's snippet thread: runs the snippet on a cell thread and waits for it (or for abandonment). */
        Object call() throws Throwable {
            // Outside JShell's group on purpose: JShell joins every thread it finds in its group right after
            // starting its own, and the cell thread (when already started) must not be among them. The kernel
            // stops this group itself (stopThreads), next to JShell's stop.
            cellThreads = new CellThreadGroup(cellThreadParent, uncaught);
            Thread cell = new Thread(cellThreads, this::runOnCellThread, "cell-" + CELL_THREADS.incrementAndGet());
            cell.setDaemon(true);
            cell.start();
            while (true) {
                try {
                    Object value = outcome.get();
                    result = value;
                    return value;
                } catch (InterruptedException e) {
                    // JShell's stop interrupts every thread of the group (JDK 25); the cell thread decides
                    // whether it stops, this thread keeps waiting for it or for abandon().
                } catch (ExecutionException e) {
                    throw e.getCause();
                }
            }
        }

        private void runOnCellThread() {
            try {
                onCellThread.run();
                outcome.complete((Object) target.invokeExact());
            } catch (Throwable t) {
                thrown = t;
                outcome.completeExceptionally(t);
            }
        }

        /**
         * Interrupts the cell thread and every thread it started; on JDKs that still have {@code Thread.stop}
         * (17) stops them too, as JShell's own stop does for its group.
         */
        @SuppressWarnings({"deprecation", "removal"})
        void stopThreads() {
            ThreadGroup group = cellThreads;
            if (group == null) {
                return;
            }
            Thread[] threads = new Thread[group.activeCount() + 8];
            int count = group.enumerate(threads);
            for (int i = 0; i < count; i++) {
                threads[i].interrupt();
                try {
                    threads[i].stop();
                } catch (UnsupportedOperationException | LinkageError stopIsGone) {
                    // JDK 20+: interrupts and JShell's woven stop checks are all there is
                }
            }
        }

        /** Releases JShell's waiting thread; the cell thread keeps running (or blocking) on its own. */
        void abandon(String why) {
            abandoned = outcome.completeExceptionally(new CellAbandonedException(why));
        }

        boolean isDone() {
            return outcome.isDone();
        }

        boolean wasAbandoned() {
            return abandoned;
        }

        Object result() {
            return result;
        }

        /** The live exception the snippet threw (JShell reports only its class name and frames), or null. */
        Throwable thrown() {
            return thrown;
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger CELL_THREADS = new java.util.concurrent.atomic.AtomicInteger();

    /** Thrown on JShell's snippet thread when the kernel gives up waiting for a cell thread. */
    static final class CellAbandonedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CellAbandonedException(String message) {
            super(message, null, false, false);
        }
    }
}
