package iamnb.chart;

import iamnb.chart.internal.Columns;
import iamnb.chart.internal.Style;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Accounts as nodes on a circle and the assume-role edges between them as lines, each labelled with its count; a
 * node's label carries the edges within the account. Callers outside the collected accounts (services, identity
 * providers, outside accounts, any principal) are nodes of their own in another colour. The N busiest nodes are drawn
 * (by edges in and out); the description says how many were left out.
 */
final class TrustGraphChart {
    static final String NAME = "Charts.trustGraph";
    private static final Color MEMBER = Style.OK;
    private static final Color OUTSIDE = Style.OVER;
    private static final Color EDGE = new Color(0x8A8F98);

    private record Pair(String from, String to, int edges) {}

    private TrustGraphChart() {}

    static Chart build(Table t, ChartOptions o) {
        Column<?> fromCol = Columns.column(t, "from", NAME);
        Column<?> toCol = Columns.column(t, "to", NAME);
        Column<?> countCol = Columns.column(t, "edges", NAME);
        List<Pair> pairs = new ArrayList<>();
        for (int row = 0; row < t.rowCount(); row++) {
            int n = Columns.number(countCol, row, NAME).map(d -> (int) Math.round(d)).orElse(0);
            pairs.add(new Pair(Columns.text(fromCol, row), Columns.text(toCol, row), n));
        }
        Map<String, Integer> degree = new HashMap<>();
        Map<String, Integer> within = new HashMap<>();
        for (Pair p : pairs) {
            if (p.from().equals(p.to())) {
                within.merge(p.from(), p.edges(), Integer::sum);
            } else {
                degree.merge(p.from(), p.edges(), Integer::sum);
                degree.merge(p.to(), p.edges(), Integer::sum);
            }
            degree.putIfAbsent(p.from(), 0);
            degree.putIfAbsent(p.to(), 0);
        }
        List<String> nodes = degree.keySet().stream()
                .sorted(Comparator.comparing((String n) -> -(degree.get(n) + within.getOrDefault(n, 0)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(o.top()).sorted().toList();
        Map<String, double[]> at = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            double angle = Math.PI / 2 - 2 * Math.PI * i / Math.max(1, nodes.size());
            at.put(nodes.get(i), new double[] {Math.cos(angle), Math.sin(angle)});
        }

        StringColumn dFrom = StringColumn.create("from");
        StringColumn dTo = StringColumn.create("to");
        IntColumn dEdges = IntColumn.create("edges");
        int height = Math.max(o.height(), Math.min(1200, o.width()));
        XYChart chart = Style.xy(o.width(), height, Charts.title("Assume-role edges between accounts", o), null, null);
        var s = chart.getStyler();
        s.setLegendVisible(false);
        s.setAxisTicksVisible(false);
        s.setPlotGridLinesVisible(false);
        s.setXAxisMin(-1.45);
        s.setXAxisMax(1.45);
        s.setYAxisMin(-1.3);
        s.setYAxisMax(1.3);
        s.setMarkerSize(14);
        int max = pairs.stream().filter(p -> at.containsKey(p.from()) && at.containsKey(p.to()))
                .mapToInt(Pair::edges).max().orElse(1);
        int drawn = 0;
        int shownEdges = 0;
        int totalEdges = pairs.stream().mapToInt(Pair::edges).sum();
        for (Pair p : pairs) {
            double[] a = at.get(p.from());
            double[] b = at.get(p.to());
            if (a == null || b == null) {
                continue;
            }
            dFrom.append(p.from());
            dTo.append(p.to());
            dEdges.append(p.edges());
            shownEdges += p.edges();
            if (p.from().equals(p.to())) {
                continue;
            }
            XYSeries line = chart.addSeries("edge " + (++drawn), new double[] {a[0], b[0]}, new double[] {a[1], b[1]});
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(EDGE);
            line.setLineStyle(new BasicStroke(1f + 4f * p.edges() / max));
            // the count sits two thirds of the way, nearer the target, so two opposite edges do not overlap
            chart.addAnnotation(new AnnotationText(Integer.toString(p.edges()), a[0] + (b[0] - a[0]) * 0.68,
                    a[1] + (b[1] - a[1]) * 0.68, false));
        }
        for (String n : nodes) {
            double[] p = at.get(n);
            boolean member = n.matches("\\d{12}");
            XYSeries dot = chart.addSeries("node " + n, new double[] {p[0]}, new double[] {p[1]});
            dot.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            dot.setMarker(SeriesMarkers.CIRCLE);
            dot.setMarkerColor(member ? MEMBER : OUTSIDE);
            int in = within.getOrDefault(n, 0);
            // an outside account's long kind ("account outside the organization") is already said by its colour
            String name = n.matches("\\d{12} \\(.*\\)") ? n.substring(0, 12) + " (outside)" : n;
            String label = name + (in > 0 ? " (" + in + " within)" : "");
            chart.addAnnotation(new AnnotationText(label, p[0] * 1.17, p[1] * 1.13, false));
        }
        Table data = Table.create("assume-role edges drawn", dFrom, dTo, dEdges);
        int left = degree.size() - nodes.size();
        String description = nodes.size() + " nodes (accounts in blue, callers outside the collected accounts in red) and "
                + shownEdges + " of " + totalEdges + " assume-role edges; a line's number counts the edges from one "
                + "node to the other (the number sits near the target), \"within\" the edges inside one account"
                + (left > 0 ? "; " + left + " less connected nodes left out (top " + o.top() + ")" : "");
        return new Chart(chart, data, description);
    }

}
