package iamnb.chart;

import iamnb.chart.internal.Columns;
import iamnb.chart.internal.Style;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One dot per access key: its age across, the days since its last use up. Right of the vertical line: due for
 * rotation; above the horizontal line: idle (a candidate for deletion rather than rotation). A key never used
 * is drawn at its age on both axes (idle since creation). Keys past a threshold are labelled with their user.
 */
final class KeyAgeVsLastUseChart {
    static final String NAME = "Charts.keyAgeVsLastUse";

    private record Point(String user, String keyId, int age, int idle, boolean never, boolean active) {}

    private KeyAgeVsLastUseChart() {}

    static Chart build(Table t, ChartOptions o) {
        Column<?> age = Columns.column(t, o.valueColumns().isEmpty() ? "age_days" : o.valueColumns().get(0), NAME);
        Column<?> idle = Columns.column(t, o.valueColumns().size() > 1 ? o.valueColumns().get(1) : "days_since_use", NAME);
        Column<?> users = Columns.column(t, o.labelColumn().orElse("user"), NAME);
        Optional<Column<?>> ids = Columns.firstPresent(t, List.of("access_key_id")).map(t::column);
        Optional<Column<?>> status = Columns.firstPresent(t, List.of("status")).map(t::column);

        List<Point> points = new ArrayList<>();
        for (int row = 0; row < t.rowCount(); row++) {
            Optional<Double> a = Columns.number(age, row, NAME);
            if (a.isEmpty()) {
                continue;
            }
            Optional<Double> i = Columns.number(idle, row, NAME);
            final int r = row;
            boolean active = status.map(c -> !Columns.text(c, r).equalsIgnoreCase("Inactive")).orElse(true);
            int ageDays = (int) Math.round(a.get());
            points.add(new Point(Columns.text(users, row), ids.map(c -> Columns.text(c, r)).orElse(""), ageDays,
                    i.map(d -> (int) Math.round(d)).orElse(ageDays), i.isEmpty(), active));
        }
        int th = o.thresholdDays();

        StringColumn dUser = StringColumn.create("user");
        StringColumn dKey = StringColumn.create("access_key_id");
        IntColumn dAge = IntColumn.create("age_days");
        IntColumn dIdle = IntColumn.create("days_since_use");
        BooleanColumn dNever = BooleanColumn.create("never_used");
        BooleanColumn dActive = BooleanColumn.create("active");
        for (Point p : points) {
            dUser.append(p.user());
            dKey.append(p.keyId());
            dAge.append(p.age());
            if (p.never()) {
                dIdle.appendMissing();
            } else {
                dIdle.append(p.idle());
            }
            dNever.append(p.never());
            dActive.append(p.active());
        }
        Table data = Table.create("key age vs last use", dUser, dKey, dAge, dIdle, dNever, dActive);

        XYChart chart = Style.xy(o.width(), o.height(), Charts.title("Access key age vs days since last use", o),
                "key age in days", "days since last use");
        int maxAge = Math.max(th, points.stream().mapToInt(Point::age).max().orElse(0));
        int maxIdle = Math.max(th, points.stream().mapToInt(Point::idle).max().orElse(0));
        double xMax = maxAge * 1.1;
        double yMax = maxIdle * 1.15;
        addPoints(chart, "active key", points, p -> p.active() && !p.never(), Style.OK, SeriesMarkers.CIRCLE);
        addPoints(chart, "inactive key", points, p -> !p.active() && !p.never(), Style.NEVER, SeriesMarkers.DIAMOND);
        addPoints(chart, "never used (drawn at its age)", points, Point::never, new Color(0xE08E0B), SeriesMarkers.TRIANGLE_UP);
        line(chart, th + "-day rotation threshold", new double[] {th, th}, new double[] {0, yMax});
        line(chart, th + " days unused", new double[] {0, xMax}, new double[] {th, th});
        for (Point p : points) {
            if (p.age() > th || p.idle() > th) {
                chart.addAnnotation(new AnnotationText(p.user(), p.age(), p.idle() + yMax * 0.045, false));
            }
        }
        var s = chart.getStyler();
        s.setXAxisMin(0.0);
        s.setXAxisMax(xMax);
        s.setYAxisMin(0.0);
        s.setYAxisMax(yMax);
        s.setXAxisDecimalPattern("#,##0");
        s.setYAxisDecimalPattern("#,##0");
        s.setMarkerSize(9);

        List<Point> oldIdle = points.stream().filter(p -> p.age() > th && p.idle() > th).toList();
        List<Point> oldInUse = points.stream().filter(p -> p.age() > th && p.idle() <= th).toList();
        List<Point> never = points.stream().filter(Point::never).toList();
        String description = points.size() + (points.size() == 1 ? " access key" : " access keys") + "; "
                + oldIdle.size() + " older than " + th + " days and unused for " + th + " days or never used" + names(oldIdle)
                + " (delete rather than rotate); " + oldInUse.size() + " older than " + th + " days and in use" + names(oldInUse)
                + " (rotate); " + never.size() + " never used" + names(never) + ". Dashed lines: the " + th + "-day thresholds.";
        return new Chart(chart, data, description);
    }

    private static String names(List<Point> points) {
        if (points.isEmpty()) {
            return "";
        }
        return " (" + points.stream().limit(6).map(p -> p.user() + " " + p.age() + " d").collect(Collectors.joining(", "))
                + (points.size() > 6 ? ", ..." : "") + ")";
    }

    private static void addPoints(XYChart chart, String name, List<Point> points, java.util.function.Predicate<Point> include,
                                  Color color, Marker marker) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Point p : points) {
            if (include.test(p)) {
                xs.add((double) p.age());
                ys.add((double) p.idle());
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(color);
    }

    private static void line(XYChart chart, String name, double[] xs, double[] ys) {
        XYSeries line = chart.addSeries(name, xs, ys);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Style.THRESHOLD);
        line.setLineStyle(Style.DASHED);
    }
}
