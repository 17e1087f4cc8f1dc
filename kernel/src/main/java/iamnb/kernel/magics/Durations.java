package iamnb.kernel.magics;

import java.util.Locale;

/** Durations in the unit that reads best: ns, µs, ms or s, three significant digits. */
final class Durations {
    private Durations() {}

    static String format(double nanos) {
        double abs = Math.abs(nanos);
        if (abs < 1e3) {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (abs < 1e6) {
            return sig(nanos / 1e3) + " µs";
        }
        if (abs < 1e9) {
            return sig(nanos / 1e6) + " ms";
        }
        return sig(nanos / 1e9) + " s";
    }

    private static String sig(double v) {
        double abs = Math.abs(v);
        return String.format(Locale.ROOT, abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : "%.2f", v);
    }
}
