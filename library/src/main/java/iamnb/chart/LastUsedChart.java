package iamnb.chart;

import iamnb.InvalidInputException;
import iamnb.chart.internal.Columns;
import iamnb.chart.internal.Style;
import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One row per user, one dot per credential (console password, access key 1, access key 2) at its last use,
 * on a date axis. Stalest users on top, users who never used any credential at the very top and named so;
 * the dashed line marks the threshold (90 days before the as-of date) when the date is known.
 */
final class LastUsedChart {
    static final String NAME = "Charts.lastUsed";
    private static final Map<String, String> KNOWN = Map.of(
            "password_last_used", "console password",
            "access_key_1_last_used_date", "access key 1",
            "access_key_2_last_used_date", "access key 2",
            "last_used", "access key");
    private static final List<String> DEFAULTS = List.of("password_last_used", "access_key_1_last_used_date",
            "access_key_2_last_used_date");
    private static final Color[] COLORS = {new Color(0x7A4EAB), Style.OK, new Color(0x1B9E77), new Color(0xD95F02)};
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
            SeriesMarkers.TRIANGLE_UP};

    private record Use(String credential, Instant when) {}

    private LastUsedChart() {}

    static Chart build(Table t, ChartOptions o) {
        String labelName = o.labelColumn().orElse("user");
        Column<?> labels = Columns.column(t, labelName, NAME);
        List<String> columns = o.valueColumns().isEmpty() ? defaultColumns(t) : o.valueColumns();
        Map<String, List<Use>> byUser = new LinkedHashMap<>();
        for (int row = 0; row < t.rowCount(); row++) {
            String user = display(Columns.text(labels, row));
            List<Use> uses = byUser.computeIfAbsent(user, k -> new ArrayList<>());
            for (String name : columns) {
                Columns.instant(Columns.column(t, name, NAME), row, NAME)
                        .ifPresent(when -> uses.add(new Use(KNOWN.getOrDefault(name, name), when)));
            }
        }
        // stalest first: never used, then by most recent use, oldest first
        List<Map.Entry<String, List<Use>>> users = new ArrayList<>(byUser.entrySet());
        users.sort(Comparator.comparing((Map.Entry<String, List<Use>> e) -> latest(e.getValue()).orElse(Instant.MIN))
                .thenComparing(Map.Entry::getKey));
        int n = users.size();

        StringColumn dUser = StringColumn.create("user");
        StringColumn dCredential = StringColumn.create("credential");
        InstantColumn dWhen = InstantColumn.create("last_used");
        IntColumn dDays = IntColumn.create("days_since_use");
        for (var e : users) {
            for (Use u : e.getValue()) {
                dUser.append(e.getKey());
                dCredential.append(u.credential());
                dWhen.append(u.when());
                if (o.asOf().isPresent()) {
                    dDays.append((int) Duration.between(u.when(), o.asOf().get()).toDays());
                } else {
                    dDays.appendMissing();
                }
            }
        }
        Table data = Table.create("last use", dUser, dCredential, dWhen, dDays);

        int height = Math.min(4000, Math.max(o.height(), 130 + 17 * n));
        XYChart chart = Style.xy(o.width(), height, Charts.title("Last use of passwords and access keys", o),
                "last used (UTC)", null);
        List<String> names = new ArrayList<>();
        for (String c : columns) {
            String label = KNOWN.getOrDefault(c, c);
            if (!names.contains(label)) {
                names.add(label);
            }
        }
        Instant min = null;
        Instant max = o.asOf().orElse(null);
        for (int i = 0; i < names.size(); i++) {
            String credential = names.get(i);
            List<Date> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int u = 0; u < n; u++) {
                for (Use use : users.get(u).getValue()) {
                    if (use.credential().equals(credential)) {
                        xs.add(Date.from(use.when()));
                        ys.add((double) (n - u));
                        min = min == null || use.when().isBefore(min) ? use.when() : min;
                        max = max == null || use.when().isAfter(max) ? use.when() : max;
                    }
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(credential, xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(MARKERS[i % MARKERS.length]);
            s.setMarkerColor(COLORS[i % COLORS.length]);
        }
        int th = o.thresholdDays();
        Optional<Instant> cutoff = o.asOf().map(a -> a.minus(Duration.ofDays(th)));
        if (min == null) {
            Instant end = o.asOf().orElse(Instant.parse("2000-01-01T00:00:00Z"));
            min = end.minus(Duration.ofDays(th * 2L));
            max = end;
        }
        if (cutoff.isPresent()) {
            min = cutoff.get().isBefore(min) ? cutoff.get() : min;
            XYSeries line = chart.addSeries(th + " days before " + Charts.day(o.asOf().get()),
                    List.of(Date.from(cutoff.get()), Date.from(cutoff.get())), List.of(0.37, n + 0.63));
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(Style.THRESHOLD);
            line.setLineStyle(Style.DASHED);
        }
        if (chart.getSeriesMap().isEmpty()) {
            XYSeries none = chart.addSeries("no use recorded", List.of(Date.from(min)), List.of(0.0));
            none.setMarker(SeriesMarkers.NONE);
        }
        long span = Math.max(Duration.between(min, max).toMillis(), Duration.ofDays(1).toMillis());
        var s = chart.getStyler();
        s.setXAxisMin((double) min.toEpochMilli() - span * 0.04);
        s.setXAxisMax((double) max.toEpochMilli() + span * 0.04);
        s.setDatePattern(span > Duration.ofDays(540).toMillis() ? "yyyy-MM" : "yyyy-MM-dd");
        s.setMarkerSize(9);
        List<String> yLabels = new ArrayList<>();
        for (var e : users) {
            yLabels.add(e.getValue().isEmpty() ? e.getKey() + " (never used)" : e.getKey());
        }
        s.setAxisTickLabelsFont(Style.font(java.awt.Font.PLAIN, n > 30 ? 10 : 11));
        Style.rowLabels(chart, yLabels, height);
        double labelAxisPx = yLabels.stream().mapToDouble(l -> Style.textWidth(l, s.getAxisTickLabelsFont())).max().orElse(0) + 12;
        Style.fitTitleAndLegend(chart, Style.plotWidth(o.width(), labelAxisPx));

        List<String> never = users.stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        List<String> stale = cutoff.map(c -> users.stream().filter(e -> !e.getValue().isEmpty()
                && latest(e.getValue()).get().isBefore(c)).map(e -> e.getKey() + " " + Duration.between(
                        latest(e.getValue()).get(), o.asOf().get()).toDays() + " days").toList()).orElse(List.of());
        String description = n + (n == 1 ? " user" : " users") + ", one row each, one dot per credential at its last use ("
                + String.join(", ", names) + ")"
                + (cutoff.isPresent() ? "; " + stale.size() + " not used in the last " + th + " days"
                        + (stale.isEmpty() ? "" : " (" + stale.stream().limit(6).collect(Collectors.joining(", "))
                        + (stale.size() > 6 ? ", ..." : "") + ")") + ", left of the dashed line" : "")
                + "; " + never.size() + " never used" + (never.isEmpty() ? "" : " (" + never.stream().limit(6)
                .collect(Collectors.joining(", ")) + (never.size() > 6 ? ", ..." : "") + ")") + ".";
        return new Chart(chart, data, description);
    }

    private static String display(String user) {
        return user.equals("<root_account>") ? "root" : user;
    }

    private static Optional<Instant> latest(List<Use> uses) {
        return uses.stream().map(Use::when).max(Comparator.naturalOrder());
    }

    private static List<String> defaultColumns(Table t) {
        List<String> present = DEFAULTS.stream().filter(c -> Columns.has(t, c)).toList();
        if (!present.isEmpty()) {
            return present;
        }
        if (Columns.has(t, "last_used")) {
            return List.of("last_used");
        }
        throw new InvalidInputException(NAME + ": table \"" + t.name() + "\" has none of " + DEFAULTS
                + " (acct.credentialReport()) nor last_used (acct.accessKeys()); its columns are " + t.columnNames()
                + ". Name the date columns: Charts.lastUsed(table, o -> o.valueColumns(\"my_date\"))");
    }
}
