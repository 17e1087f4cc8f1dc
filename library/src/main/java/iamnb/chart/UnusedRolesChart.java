package iamnb.chart;

import iamnb.chart.internal.Columns;
import iamnb.chart.internal.Style;
import java.awt.BasicStroke;
import java.awt.Color;
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
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Horizontal bars, one per role, as long as the role has gone unused: days since its last use, or, for a role
 * never used, days since it was created (grey, labelled "never used"). The top N idlest roles, idlest on top;
 * service-linked roles are left out (AWS manages them); the dashed line is the threshold.
 */
final class UnusedRolesChart {
    static final String NAME = "Charts.unusedRoles";

    private record Bar(String role, int days, boolean never, boolean ageKnown) {}

    private UnusedRolesChart() {}

    static Chart build(Table t, ChartOptions o) {
        Column<?> roles = Columns.column(t, o.labelColumn().orElse("role"), NAME);
        Column<?> idle = Columns.column(t, o.valueColumns().isEmpty() ? "days_since_use" : o.valueColumns().get(0), NAME);
        Optional<Column<?>> age = (o.valueColumns().size() > 1 ? Optional.of(o.valueColumns().get(1))
                : Columns.firstPresent(t, List.of("role_age_days"))).map(n -> Columns.column(t, n, NAME));
        Optional<Column<?>> serviceLinked = Columns.firstPresent(t, List.of("service_linked")).map(t::column);

        List<Bar> all = new ArrayList<>();
        int skipped = 0;
        for (int row = 0; row < t.rowCount(); row++) {
            if (serviceLinked.isPresent() && serviceLinked.get() instanceof BooleanColumn b && !b.isMissing(row) && b.get(row)) {
                skipped++;
                continue;
            }
            String role = Columns.text(roles, row);
            Optional<Double> days = Columns.number(idle, row, NAME);
            if (days.isPresent()) {
                all.add(new Bar(role, (int) Math.round(days.get()), false, true));
            } else {
                final int r = row;
                Optional<Double> created = age.flatMap(c -> Columns.number(c, r, NAME));
                all.add(new Bar(role, created.map(d -> (int) Math.round(d)).orElse(-1), true, created.isPresent()));
            }
        }
        int maxKnown = all.stream().mapToInt(Bar::days).max().orElse(0);
        // a never-used role of unknown age is at least as idle as any other
        List<Bar> bars = new ArrayList<>(all.stream().map(b -> b.days() < 0 ? new Bar(b.role(), maxKnown, true, false) : b).toList());
        bars.sort(Comparator.comparingInt(Bar::days).reversed().thenComparing(Bar::never, Comparator.reverseOrder())
                .thenComparing(Bar::role));
        List<Bar> top = bars.subList(0, Math.min(o.top(), bars.size()));
        int n = top.size();
        int th = o.thresholdDays();

        StringColumn dRole = StringColumn.create("role");
        IntColumn dDays = IntColumn.create("days_unused");
        BooleanColumn dNever = BooleanColumn.create("never_used");
        for (Bar b : top) {
            dRole.append(b.role());
            dDays.append(b.days());
            dNever.append(b.never());
        }
        Table data = Table.create("unused roles", dRole, dDays, dNever);

        int height = Math.min(4000, Math.max(o.height(), 130 + 24 * n));
        XYChart chart = Style.xy(o.width(), height, Charts.title("Roles by days since last use", o),
                "days without use (never used: days since created)", null);
        float thickness = Math.max(4f, Math.min(22f, (height - 150f) / Math.max(1, n + 1) * 0.72f));
        addBars(chart, "unused " + th + "+ days", top, n, b -> !b.never() && b.days() >= th, Style.OVER, thickness);
        addBars(chart, "used within " + th + " days", top, n, b -> !b.never() && b.days() < th, Style.OK, thickness);
        addBars(chart, "never used", top, n, Bar::never, Style.NEVER, thickness);
        // value labels sit right of each bar: the axis must reach past the longest bar plus its label
        java.awt.Font labelFont = chart.getStyler().getAnnotationTextFont();
        double labelAxisPx = top.stream().mapToDouble(b -> Style.textWidth(b.role(), chart.getStyler().getAxisTickLabelsFont()))
                .max().orElse(0) + 12;
        double plotPx = Style.plotWidth(o.width(), labelAxisPx);
        List<String> valueLabels = top.stream().map(UnusedRolesChart::valueLabel).toList();
        double xMax = th * 1.1;
        for (int i = 0; i < n; i++) {
            double labelPx = Style.textWidth(valueLabels.get(i), labelFont) + 14;
            xMax = Math.max(xMax, top.get(i).days() / Math.max(0.2, 1 - labelPx / plotPx));
        }
        XYSeries line = chart.addSeries(th + "-day threshold", new double[] {th, th}, new double[] {0.37, n + 0.63});
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Style.THRESHOLD);
        line.setLineStyle(Style.DASHED);
        // AnnotationText centres its text on x: shift each label right by half its width (in days)
        for (int i = 0; i < n; i++) {
            double halfText = (Style.textWidth(valueLabels.get(i), labelFont) / 2 + 6) * xMax / plotPx;
            chart.addAnnotation(new AnnotationText(valueLabels.get(i), top.get(i).days() + halfText, n - i, false));
        }
        var s = chart.getStyler();
        s.setXAxisMin(0.0);
        s.setXAxisMax(xMax);
        s.setXAxisDecimalPattern("#,##0");
        Style.rowLabels(chart, top.stream().map(Bar::role).toList(), height);
        s.setPlotGridHorizontalLinesVisible(false);
        Style.fitTitleAndLegend(chart, plotPx);

        List<Bar> never = bars.stream().filter(Bar::never).toList();
        List<Bar> idleLong = bars.stream().filter(b -> !b.never() && b.days() >= th).toList();
        String description = "The " + n + " roles unused the longest, of " + bars.size()
                + (skipped > 0 ? " (" + skipped + " service-linked left out)" : "") + "; " + never.size() + " never used"
                + (never.isEmpty() ? "" : " (" + never.stream().limit(6).map(b -> b.role() + (b.ageKnown()
                ? ", created " + b.days() + " days ago" : "")).collect(Collectors.joining("; ")) + ")")
                + "; " + idleLong.size() + " unused for " + th + " days or more" + (idleLong.isEmpty() ? "" : " ("
                + idleLong.stream().limit(6).map(b -> b.role() + " " + b.days() + " days").collect(Collectors.joining(", "))
                + ")") + ". The dashed line is the " + th + "-day threshold.";
        return new Chart(chart, data, description);
    }

    private static String valueLabel(Bar b) {
        if (!b.never()) {
            return b.days() + " d";
        }
        return b.ageKnown() ? "never used, " + b.days() + " d old" : "never used";
    }

    private static void addBars(XYChart chart, String name, List<Bar> top, int n, java.util.function.Predicate<Bar> include,
                                Color color, float thickness) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            Bar b = top.get(i);
            if (!include.test(b)) {
                continue;
            }
            if (!xs.isEmpty()) {
                xs.add(Double.NaN);
                ys.add(Double.NaN);
            }
            xs.add(0.0);
            ys.add((double) (n - i));
            xs.add(Math.max(b.days(), 0.5));
            ys.add((double) (n - i));
        }
        if (xs.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name + " (bars)", xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(thickness, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        s.setShowInLegend(false);
        Style.legendSwatch(chart, name, color, 0, n);
    }
}
