package iamnb.kernel.magics;

import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The measuring loop behind {@code %timeit}, called from a snippet so that it runs on the
 * cell's thread (prints to the cell, stops on interrupt). Public for that reason only.
 *
 * <p>Like IPython: unless told, the loop count grows ×10 until one run takes at least
 * 0.2 s, and there are 7 runs (fewer when a run is slow, so %timeit stays under ~10 s).
 */
public final class Timeit {

    private static final long TARGET_RUN_NANOS = 200_000_000L;
    private static final long BUDGET_NANOS = 10_000_000_000L;
    private static final int DEFAULT_RUNS = 7;

    /** Where results go so the JIT cannot prove them unused. */
    private static volatile Object blackhole;

    private Timeit() {}

    /** Code that is a statement block. */
    @FunctionalInterface
    public interface Block {
        void run() throws Exception;
    }

    public static void measure(int loops, int runs, Block block) throws Exception {
        measure(loops, runs, () -> {
            block.run();
            return null;
        });
    }

    /** Code that is one expression; its value is consumed so the JIT cannot drop the work. */
    public static void measure(int loops, int runs, Callable<?> code) throws Exception {
        int n = loops;
        long first = 0;
        if (n == 0) {
            n = 1;
            while (true) {
                first = time(code, n);
                if (first >= TARGET_RUN_NANOS || n >= 1_000_000_000 / 10) {
                    break;
                }
                n *= 10;
            }
        }
        int r = runs;
        if (r == 0) {
            long perRun = Math.max(first, 1);
            r = (int) Math.max(1, Math.min(DEFAULT_RUNS, BUDGET_NANOS / perRun));
        }
        double[] perLoop = new double[r];
        for (int i = 0; i < r; i++) {
            perLoop[i] = (double) time(code, n) / n;
        }
        System.out.println(summary(perLoop, n));
    }

    private static long time(Callable<?> code, int n) throws Exception {
        Object sink = null;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink = code.call();
        }
        long elapsed = System.nanoTime() - start;
        blackhole = sink;
        return elapsed;
    }

    static String summary(double[] perLoop, int loops) {
        double mean = 0;
        for (double v : perLoop) {
            mean += v;
        }
        mean /= perLoop.length;
        double var = 0;
        for (double v : perLoop) {
            var += (v - mean) * (v - mean);
        }
        double std = perLoop.length > 1 ? Math.sqrt(var / (perLoop.length - 1)) : 0;
        return Durations.format(mean) + " ± " + Durations.format(std) + " per loop (mean ± std. dev. of "
                + perLoop.length + (perLoop.length == 1 ? " run, " : " runs, ")
                + String.format(Locale.ROOT, "%,d", loops) + (loops == 1 ? " loop each)" : " loops each)");
    }
}
