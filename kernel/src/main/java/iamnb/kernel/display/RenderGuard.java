package iamnb.kernel.display;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs a rendering (renderers, {@code toString()}, {@code toMimeBundle()}, record accessors: user code) with
 * the protection a cell's evaluation has: it runs on its own thread, so an {@code Error} it throws
 * ({@code StackOverflowError} from a cycle, {@code AssertionError}, {@code OutOfMemoryError}) reaches the caller
 * as a value instead of ending the kernel's shell thread, and one that never returns is stopped by an interrupt
 * of the cell or by a time limit ({@code IAMNB_RENDER_TIMEOUT}, seconds, default 30).
 *
 * <p>A rendering that ignores {@link Thread#interrupt} is stopped with {@code Thread.stop} where the JDK still
 * has it (17); on 21+ its thread is left behind (it leaks, like an abandoned cell thread) and the cell goes on.
 */
final class RenderGuard {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Duration timeout;
    private volatile CompletableFuture<?> running;

    RenderGuard(Duration timeout) {
        this.timeout = timeout;
    }

    /** The limit from {@code IAMNB_RENDER_TIMEOUT} (seconds, may be fractional), else the default. */
    static Duration timeoutFrom(Map<String, String> env) {
        String configured = env.get("IAMNB_RENDER_TIMEOUT");
        if (configured == null || configured.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            double seconds = Double.parseDouble(configured.strip());
            if (seconds > 0) {
                return Duration.ofMillis((long) (seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // fall through to the warning
        }
        System.getLogger("iamnb.kernel.display").log(System.Logger.Level.WARNING,
                "IAMNB_RENDER_TIMEOUT must be a positive number of seconds, got '" + configured + "'; using "
                        + DEFAULT_TIMEOUT.toSeconds());
        return DEFAULT_TIMEOUT;
    }

    /** What a guarded rendering ended with: its value, or why there is none. */
    record Outcome<T>(Optional<T> value, String failure) {}

    /** Runs {@code rendering} on a fresh thread and waits at most the time limit (or until {@link #interrupt}). */
    <T> Outcome<T> run(Supplier<T> rendering) {
        CompletableFuture<T> result = new CompletableFuture<>();
        // Not named iamnb-*: whatever the rendering prints belongs to the running cell, not the kernel log.
        Thread thread = new Thread(() -> {
            try {
                result.complete(rendering.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "cell-render-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        running = result;
        thread.start();
        try {
            return new Outcome<>(Optional.ofNullable(result.get(timeout.toMillis(), TimeUnit.MILLISECONDS)), null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Outcome<>(Optional.empty(), cause instanceof java.util.concurrent.CancellationException
                    ? "it was interrupted" : "it threw " + cause);
        } catch (java.util.concurrent.CancellationException e) {
            stop(thread);
            return new Outcome<>(Optional.empty(), "it was interrupted");
        } catch (TimeoutException e) {
            stop(thread);
            return new Outcome<>(Optional.empty(), "it did not finish within " + seconds(timeout)
                    + " s (IAMNB_RENDER_TIMEOUT)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(thread);
            return new Outcome<>(Optional.empty(), "the kernel was interrupted");
        } finally {
            running = null;
        }
    }

    /** Gives up on the rendering in progress, if any (the cell was interrupted). Safe from any thread. */
    void interrupt() {
        CompletableFuture<?> now = running;
        if (now != null) {
            now.cancel(true);
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread thread) {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (thread.isAlive()) {
            try {
                thread.stop(); // JDK 17 stops even a loop; 21+ throw, and the thread is left behind
            } catch (UnsupportedOperationException | LinkageError stopIsGone) {
                // nothing more to do: a daemon thread, it ends with the kernel
            }
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toMillis() / 1000.0);
    }
}
