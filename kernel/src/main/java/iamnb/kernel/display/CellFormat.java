package iamnb.kernel.display;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * How one column's cells read: numbers with thousands separators and the same number of
 * decimals down the column, dates and instants in ISO-8601 (instants in UTC), long text cut.
 * One instance per column, built from the cells that will be shown, so decimals line up.
 */
final class CellFormat {

    static final int MAX_TEXT = 200;
    private static final int MAX_DECIMALS = 4;

    private final boolean numeric;
    private final int decimals;

    private CellFormat(boolean numeric, int decimals) {
        this.numeric = numeric;
        this.decimals = decimals;
    }

    /** A format fitted to the values that will be shown (nulls are missing cells). */
    static CellFormat fitting(List<?> shown) {
        boolean numeric = false;
        int decimals = 0;
        for (Object v : shown) {
            if (v instanceof Number n) {
                numeric = true;
                if (isFloating(n)) {
                    decimals = Math.max(decimals, decimalsNeeded(n.doubleValue()));
                }
            }
        }
        return new CellFormat(numeric, decimals);
    }

    boolean rightAligned() {
        return numeric;
    }

    String format(Object value) {
        if (value instanceof Number n) {
            return formatNumber(n);
        }
        if (value instanceof Instant i) {
            return DateTimeFormatter.ISO_INSTANT.format(i);
        }
        if (value instanceof ZonedDateTime z) {
            return DateTimeFormatter.ISO_INSTANT.format(z.toInstant());
        }
        if (value instanceof OffsetDateTime o) {
            return DateTimeFormatter.ISO_INSTANT.format(o.toInstant());
        }
        if (value instanceof LocalDateTime t) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
        }
        if (value instanceof LocalDate d) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(d);
        }
        if (value instanceof LocalTime t) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(t);
        }
        String text = PlainText.of(value);
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text;
    }

    private String formatNumber(Number n) {
        if (!isFloating(n)) {
            return String.format(Locale.ROOT, "%,d", n.longValue());
        }
        double d = n.doubleValue();
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "∞" : "-∞";
        }
        double abs = Math.abs(d);
        if (abs >= 1e15 || (abs > 0 && abs < 1e-4)) {
            return String.format(Locale.ROOT, "%.3e", d);
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", d);
    }

    private static boolean isFloating(Number n) {
        return n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal;
    }

    /** The fewest decimals (up to four) that show the value without visible rounding. */
    static int decimalsNeeded(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return 0;
        }
        double abs = Math.abs(d);
        if (abs >= 1e15 || (abs > 0 && abs < 1e-4)) {
            return 0; // shown in scientific notation anyway
        }
        for (int k = 0; k < MAX_DECIMALS; k++) {
            double scale = Math.pow(10, k);
            if (Math.abs(Math.round(d * scale) / scale - d) <= 1e-9 * Math.max(1, abs)) {
                return k;
            }
        }
        return MAX_DECIMALS;
    }
}
