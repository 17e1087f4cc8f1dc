package iamnb.chart;

import iamnb.InvalidInputException;
import iamnb.chart.internal.Columns;
import iamnb.chart.internal.Style;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Histogram of access key ages with the rotation threshold. Bins end on the threshold, so every bar is either
 * entirely within it (blue) or entirely past it (red); a key exactly N days old is within an N-day threshold,
 * as the CIS benchmark counts ("rotated every 90 days or less").
 */
final class KeyAgeChart {
    static final String NAME = "Charts.keyAge";
    private static final int MAX_BINS = 40;

    private record Key(String label, int age) {}

    private KeyAgeChart() {}

    static Chart build(Table t, ChartOptions o) {
        List<String> columns = o.valueColumns().isEmpty() ? defaultColumns(t) : o.valueColumns();
        Optional<String> labelName = o.labelColumn().or(() -> Columns.firstPresent(t, List.of("user")));
        Column<?> labels = labelName.map(n -> Columns.column(t, n, NAME)).orElse(null);
        List<Key> keys = new ArrayList<>();
        for (String name : columns) {
            Column<?> c = Columns.column(t, name, NAME);
            for (int row = 0; row < t.rowCount(); row++) {
                Optional<Double> v = Columns.number(c, row, NAME);
                if (v.isPresent()) {
                    keys.add(new Key(labels == null ? "row " + (row + 1) : Columns.text(labels, row), (int) Math.round(v.get())));
                }
            }
        }
        int th = o.thresholdDays();
        int maxAge = keys.stream().mapToInt(Key::age).max().orElse(0);
        int width = binWidth(th, maxAge);
        int bins = Math.min(MAX_BINS, Math.max(th / width + 1, (int) Math.ceil(Math.max(maxAge, 1) / (double) width)));
        int[] counts = new int[bins];
        for (Key k : keys) {
            counts[bin(k.age(), width, bins)]++;
        }

        IntColumn from = IntColumn.create("from_days");
        IntColumn to = IntColumn.create("to_days");
        IntColumn count = IntColumn.create("keys");
        BooleanColumn over = BooleanColumn.create("older_than_threshold");
        for (int b = 0; b < bins; b++) {
            from.append(b * width);
            to.append(b == bins - 1 && maxAge > bins * width ? maxAge : (b + 1) * width);
            count.append(counts[b]);
            over.append(b * width >= th);
        }
        Table data = Table.create("key age bins", from, to, count, over);

        String title = Charts.title("Access key age", o);
        XYChart chart = Style.xy(o.width(), o.height(), title, "key age in days (a bar covers " + width + " days)",
                "access keys");
        int maxCount = 0;
        for (int c : counts) {
            maxCount = Math.max(maxCount, c);
        }
        double yMax = Math.max(1, Math.ceil(maxCount * 1.15 + 0.3));
        addBars(chart, "within " + th + " days", counts, width, b -> b * width < th, Style.OK);
        addBars(chart, "older than " + th + " days: rotate", counts, width, b -> b * width >= th, Style.OVER);
        XYSeries line = chart.addSeries(th + "-day rotation threshold", new double[] {th, th}, new double[] {0, yMax});
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Style.THRESHOLD);
        line.setLineStyle(Style.DASHED);
        for (int b = 0; b < bins; b++) {
            if (counts[b] > 0) {
                chart.addAnnotation(new AnnotationText(Integer.toString(counts[b]), b * width + width / 2.0,
                        counts[b] + yMax * 0.045, false));
            }
        }
        var s = chart.getStyler();
        s.setXAxisMin(0.0);
        s.setXAxisMax((double) bins * width);
        s.setYAxisMin(0.0);
        s.setYAxisMax(yMax);
        s.setXAxisDecimalPattern("#,##0");
        s.setyAxisTickLabelsFormattingFunction(Charts::integerTicks);

        List<Key> old = keys.stream().filter(k -> k.age() > th).sorted(Comparator.comparingInt(Key::age).reversed()).toList();
        String oldest = old.stream().limit(5).map(k -> k.label() + " " + k.age() + " days").collect(Collectors.joining(", "));
        String description = keys.size() + (keys.size() == 1 ? " access key; " : " access keys; ") + old.size()
                + " older than the " + th + "-day rotation threshold" + (old.isEmpty() ? "" : " (oldest: " + oldest
                + (old.size() > 5 ? ", ..." : "") + ")") + ". Bars of " + width + " days; the dashed line is the "
                + th + "-day rotation threshold. Columns: " + String.join(", ", columns) + ".";
        return new Chart(chart, data, description);
    }

    private static List<String> defaultColumns(Table t) {
        if (Columns.has(t, "age_days")) {
            return List.of("age_days");
        }
        List<String> report = List.of("key_1_age_days", "key_2_age_days").stream().filter(c -> Columns.has(t, c)).toList();
        if (!report.isEmpty()) {
            return report;
        }
        throw new InvalidInputException(NAME + ": table \"" + t.name() + "\" has neither age_days (acct.accessKeys()) nor "
                + "key_1_age_days/key_2_age_days (acct.credentialReport()); its columns are " + t.columnNames()
                + ". Name the age column: Charts.keyAge(table, o -> o.valueColumns(\"my_age_column\"))");
    }

    /** The widest bin among threshold/3, threshold/2 and threshold (so the threshold is a bin edge) that gives at most 40 bins. */
    static int binWidth(int threshold, int maxAge) {
        List<Integer> candidates = new ArrayList<>();
        if (threshold % 3 == 0) {
            candidates.add(threshold / 3);
        }
        if (threshold % 2 == 0) {
            candidates.add(threshold / 2);
        }
        candidates.add(threshold);
        for (int w : candidates) {
            if (Math.ceil(maxAge / (double) w) <= MAX_BINS) {
                return w;
            }
        }
        return threshold;
    }

    /** Bin k holds ages in (k*w, (k+1)*w], bin 0 also age 0; ages past the last bin go into it. */
    static int bin(int age, int width, int bins) {
        int b = age <= 0 ? 0 : (age - 1) / width;
        return Math.min(b, bins - 1);
    }

    private static void addBars(XYChart chart, String name, int[] counts, int width,
                                java.util.function.IntPredicate include, java.awt.Color color) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        double gap = Math.max(0.6, width * 0.06);
        for (int b = 0; b < counts.length; b++) {
            if (!include.test(b)) {
                continue;
            }
            double x0 = b * width + gap;
            double x1 = (b + 1) * width - gap;
            if (!xs.isEmpty()) {
                xs.add(Double.NaN);
                ys.add(Double.NaN);
            }
            xs.addAll(List.of(x0, x0, x1, x1));
            ys.addAll(List.of(0.0, (double) counts[b], (double) counts[b], 0.0));
        }
        if (!xs.isEmpty()) {
            XYSeries s = chart.addSeries(name + " (bars)", xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(color);
            s.setFillColor(color);
            s.setLineWidth(0.5f);
            s.setShowInLegend(false);
        }
        Style.legendSwatch(chart, name, color, 0, 0);
    }
}
