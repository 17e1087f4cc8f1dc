package iamnb.org;

import iamnb.internal.Html;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Role-chaining paths into a role or into an account's admin roles, shortest first: a table and the paths
 * themselves, each with {@link RolePath#explain()}.
 *
 * @param title what was searched, e.g. "paths to admin in account 333333333333"
 * @param paths the paths shown, shortest first
 * @param found how many paths the search found (more than shown when the limit cut them)
 */
public record RolePaths(String title, List<RolePath> paths, int found) {
    public RolePaths {
        paths = List.copyOf(paths);
    }

    /** The path with this id (1-based, as in the table). */
    public RolePath get(int id) {
        return paths.stream().filter(p -> p.id() == id).findFirst().orElseThrow(() -> new iamnb.InvalidInputException(
                "no path " + id + " in " + title + "; ids go from 1 to " + paths.size()));
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    public int size() {
        return paths.size();
    }

    /** One row per path: {@code path, hops, start_kind, start, end_role, verified, hop_list}. */
    public Table table() {
        IntColumn id = IntColumn.create("path");
        IntColumn hops = IntColumn.create("hops");
        StringColumn kind = StringColumn.create("start_kind");
        StringColumn start = StringColumn.create("start");
        StringColumn end = StringColumn.create("end_role");
        BooleanColumn verified = BooleanColumn.create("verified");
        StringColumn list = StringColumn.create("hop_list");
        for (RolePath p : paths) {
            id.append(p.id());
            hops.append(p.hops().size());
            kind.append(p.startKind().title());
            start.append(p.start());
            end.append(p.end());
            verified.append(p.verified());
            list.append(p.hopList());
        }
        return Table.create(caption(), id, hops, kind, start, end, verified, list);
    }

    private String caption() {
        return title + ": " + (found > paths.size() ? paths.size() + " of " + found + " paths shown" : found + " paths")
                + ", shortest first";
    }

    /** Every path's explanation, one after another. */
    public String explain() {
        StringBuilder out = new StringBuilder(caption()).append('\n');
        paths.forEach(p -> out.append('\n').append(p.explain()).append('\n'));
        return out.toString();
    }

    /** The table as text and HTML. */
    public Map<String, Object> toMimeBundle() {
        Table t = table();
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", text());
        StringBuilder html = new StringBuilder("<table class=\"iamnb-paths\"><caption>").append(Html.escape(caption()))
                .append("</caption><thead><tr>");
        // Alignment as attributes and styles both: an untrusted notebook keeps the attribute, drops the style, and
        // would otherwise right-align every cell (its default).
        for (int c = 0; c < t.columnCount(); c++) {
            String align = alignOf(t, c);
            html.append("<th style=\"text-align:").append(align).append("\"><div align=\"").append(align).append("\">")
                    .append(Html.escape(t.columnNames().get(c))).append("</div></th>");
        }
        html.append("</tr></thead><tbody>");
        for (int r = 0; r < t.rowCount(); r++) {
            html.append("<tr>");
            for (int c = 0; c < t.columnCount(); c++) {
                String align = alignOf(t, c);
                html.append("<td style=\"text-align:").append(align).append("\"><div align=\"").append(align)
                        .append("\">").append(Html.escape(t.getString(r, c))).append("</div></td>");
            }
            html.append("</tr>");
        }
        bundle.put("text/html", html.append("</tbody></table>").toString());
        return bundle;
    }

    /** The caption, then one line a path (a wide grid would wrap in a terminal): {@code 1. a → b · 1 hop · verified}. */
    private String text() {
        StringBuilder out = new StringBuilder(caption());
        for (RolePath p : paths) {
            int hops = p.hops().size();
            out.append('\n').append(String.format(java.util.Locale.ROOT, "%3d. ", p.id())).append(p.hopList())
                    .append(" · ").append(hops).append(hops == 1 ? " hop" : " hops")
                    .append(p.verified() ? " · verified" : " · NOT verified by the engine");
        }
        return out.toString();
    }

    /** Numbers right, everything else (names, ARNs, the hop list) left. */
    private static String alignOf(Table t, int column) {
        return t.column(column) instanceof tech.tablesaw.api.NumericColumn<?> ? "right" : "left";
    }

    @Override
    public String toString() {
        return caption();
    }
}
