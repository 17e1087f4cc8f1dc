package iamnb.kernel.display;

import static iamnb.internal.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw tables as an HTML table (text/html) and an aligned text table (text/plain).
 *
 * <p>Long tables show their first {@value #HEAD} and last {@value #TAIL} rows around a row
 * saying how many are hidden; wide tables their first {@value #MAX_COLUMNS} columns. A caption
 * gives the full size ("1,234 rows × 12 columns"). Cells are typed: numbers right-aligned with
 * thousands separators, instants in ISO-8601 UTC, missing values in grey as {@value #MISSING},
 * every text escaped. Styles are inline because JupyterLab drops style sheets from untrusted
 * output and right-aligns every cell by default. The classic notebook drops inline styles too
 * when a notebook is untrusted (a cloned one is), and its own rule right-aligns every cell over
 * the cell's {@code align}: so a left-aligned cell's text sits in a {@code <div align="left">},
 * short values carry {@code nowrap}, and a column of long text a minimum {@code width}: markup
 * that sanitizer keeps (kernel/src/test/python/test_browser_notebooks.py looks at both states).
 */
public final class TableRenderer implements Renderer {

    static final int HEAD = 20;
    static final int TAIL = 5;
    static final int MAX_COLUMNS = 50;
    static final String MISSING = "NA";
    private static final int MAX_TEXT_WIDTH = 40;
    /** Cells longer than this wrap; a column holding one is kept at least {@value #TEXT_COLUMN_PX} pixels wide. */
    private static final int LONG_CELL = 40;
    private static final int TEXT_COLUMN_PX = 160;
    /** About {@link #TEXT_COLUMN_PX} in the notebooks' table font (≈ 7 px a character). */
    private static final int TEXT_COLUMN_CHARS = 24;

    @Override
    public Optional<MimeBundle> render(Object value) {
        if (!(value instanceof Table table)) {
            return Optional.empty();
        }
        var view = View.of(table);
        return Optional.of(MimeBundle.of(MimeTypes.HTML, html(view)).with(MimeTypes.TEXT, text(view)));
    }

    /** The rows and columns that will be shown, with their cells already formatted. */
    record View(String name, int rowCount, int columnCount, List<String> headers, List<String> types,
                List<Boolean> rightAligned, List<Integer> rowNumbers, List<List<String>> cells,
                int hiddenAfter, int hiddenRows) {

        static View of(Table table) {
            int rows = table.rowCount();
            var rowNumbers = new ArrayList<Integer>();
            int hiddenAfter = -1;
            int hiddenRows = 0;
            if (rows <= HEAD + TAIL + 5) {
                for (int r = 0; r < rows; r++) {
                    rowNumbers.add(r);
                }
            } else {
                for (int r = 0; r < HEAD; r++) {
                    rowNumbers.add(r);
                }
                hiddenAfter = HEAD;
                hiddenRows = rows - HEAD - TAIL;
                for (int r = rows - TAIL; r < rows; r++) {
                    rowNumbers.add(r);
                }
            }
            List<Column<?>> columns = table.columns();
            int shownColumns = Math.min(columns.size(), MAX_COLUMNS);
            var headers = new ArrayList<String>();
            var types = new ArrayList<String>();
            var aligned = new ArrayList<Boolean>();
            var byColumn = new ArrayList<List<String>>();
            for (int c = 0; c < shownColumns; c++) {
                Column<?> column = columns.get(c);
                headers.add(column.name());
                types.add(column.type().name().toLowerCase(Locale.ROOT));
                var values = new ArrayList<Object>();
                for (int r : rowNumbers) {
                    values.add(column.isMissing(r) ? null : column.get(r));
                }
                CellFormat format = CellFormat.fitting(values);
                aligned.add(format.rightAligned());
                var texts = new ArrayList<String>();
                for (Object v : values) {
                    texts.add(v == null ? null : format.format(v));
                }
                byColumn.add(texts);
            }
            var cells = new ArrayList<List<String>>();
            for (int i = 0; i < rowNumbers.size(); i++) {
                var row = new ArrayList<String>();
                for (List<String> column : byColumn) {
                    row.add(column.get(i));
                }
                cells.add(java.util.Collections.unmodifiableList(row));
            }
            return new View(table.name(), rows, columns.size(), headers, types, aligned, rowNumbers, cells,
                    hiddenAfter, hiddenRows);
        }

        String caption() {
            String size = String.format(Locale.ROOT, "%,d %s × %,d %s", rowCount, rowCount == 1 ? "row" : "rows",
                    columnCount, columnCount == 1 ? "column" : "columns");
            if (columnCount > headers.size()) {
                size += String.format(Locale.ROOT, " (first %d shown)", headers.size());
            }
            return name == null || name.isBlank() ? size : name + " · " + size;
        }
    }

    static String html(View view) {
        var out = new StringBuilder(4096);
        out.append("<div class=\"iamnb-table\" style=\"overflow-x:auto\">");
        out.append("<table class=\"dataframe\" style=\"border-collapse:collapse;font-variant-numeric:tabular-nums\">");
        out.append("<thead><tr style=\"border-bottom:1px solid #999\"><th></th>");
        for (int c = 0; c < view.headers().size(); c++) {
            String align = view.rightAligned().get(c) ? "right" : "left";
            out.append("<th title=\"").append(escape(view.types().get(c))).append('"')
                    .append(hasLongCell(view, c) ? " width=\"" + TEXT_COLUMN_PX + "\"" : "")
                    .append(" style=\"text-align:").append(align).append(";vertical-align:bottom\">")
                    .append("<div align=\"").append(align).append("\">")
                    .append(escape(view.headers().get(c)))
                    .append(hasLongCell(view, c) ? minimumWidth(view.headers().get(c)) : "")
                    .append("<br><span style=\"font-weight:normal;color:#888;font-size:0.8em\">")
                    .append(escape(view.types().get(c))).append("</span></div></th>");
        }
        out.append("</tr></thead><tbody>");
        for (int i = 0; i < view.rowNumbers().size(); i++) {
            int r = view.rowNumbers().get(i);
            if (r == view.hiddenAfter() + view.hiddenRows() && view.hiddenRows() > 0) {
                out.append("<tr><th style=\"color:#888;text-align:right\">⋮</th><td colspan=\"")
                        .append(view.headers().size())
                        .append("\" style=\"text-align:left;color:#888;font-style:italic\">")
                        .append(String.format(Locale.ROOT, "⋮ %,d more rows", view.hiddenRows()))
                        .append("</td></tr>");
            }
            out.append("<tr><th style=\"color:#888;font-weight:normal;text-align:right\">")
                    .append(String.format(Locale.ROOT, "%,d", r)).append("</th>");
            List<String> row = view.cells().get(i);
            for (int c = 0; c < row.size(); c++) {
                boolean right = view.rightAligned().get(c);
                String align = right ? "right" : "left";
                String cell = row.get(c);
                if (cell == null) {
                    out.append("<td style=\"text-align:").append(align)
                            .append(";color:#aaa;font-style:italic\" title=\"missing value\">")
                            .append(aligned(MISSING, right)).append("</td>");
                } else {
                    // Short values (dates, numbers, ids) never break; long text wraps, keeping its own line breaks.
                    boolean longCell = cell.length() > LONG_CELL;
                    out.append("<td").append(longCell ? "" : " nowrap").append(" style=\"text-align:").append(align)
                            .append(";white-space:").append(longCell ? "pre-wrap" : "nowrap").append("\">")
                            .append(aligned(longCell ? breakable(escape(cell)) : escape(cell), right))
                            .append("</td>");
                }
            }
            out.append("</tr>");
        }
        out.append("</tbody></table>");
        out.append("<p style=\"color:#666;font-size:0.9em;margin:0.3em 0\">").append(escape(view.caption()))
                .append("</p></div>");
        return out.toString();
    }

    /** Right-aligned cells are the notebooks' default; left-aligned text sits in a block that says so. */
    private static String aligned(String html, boolean right) {
        return right ? html : "<div align=\"left\">" + html + "</div>";
    }

    /** A break opportunity after every '/' and ':', so a long ARN wraps even where overflow-wrap was stripped. */
    private static String breakable(String escaped) {
        return escaped.replace("/", "/<wbr>").replace(":", ":<wbr>");
    }

    /**
     * Non-breaking spaces after a long-text column's name, so the header alone is about {@link #TEXT_COLUMN_PX} wide.
     * The {@code width} hint is not a minimum once a wide table is constrained (an organization's findings table
     * squeezed its text into 100 px strips), styles are dropped in untrusted notebooks, but text survives every
     * sanitizer, and a run of non-breaking spaces cannot wrap.
     */
    private static String minimumWidth(String header) {
        int pad = TEXT_COLUMN_CHARS - header.length();
        return pad > 0 ? "\u00a0".repeat(pad) : "";
    }

    private static boolean hasLongCell(View view, int column) {
        return view.cells().stream().anyMatch(row -> row.get(column) != null && row.get(column).length() > LONG_CELL);
    }

    static String text(View view) {
        int columns = view.headers().size();
        var widths = new int[columns + 1];
        var numbers = new ArrayList<String>();
        for (int r : view.rowNumbers()) {
            numbers.add(Integer.toString(r));
        }
        widths[0] = numbers.stream().mapToInt(String::length).max().orElse(1);
        for (int c = 0; c < columns; c++) {
            int w = view.headers().get(c).length();
            for (List<String> row : view.cells()) {
                w = Math.max(w, cellText(row.get(c)).length());
            }
            widths[c + 1] = Math.min(w, MAX_TEXT_WIDTH);
        }
        var out = new StringBuilder();
        out.append(view.caption()).append('\n');
        out.append(pad("", widths[0], true));
        for (int c = 0; c < columns; c++) {
            out.append("  ").append(pad(view.headers().get(c), widths[c + 1], view.rightAligned().get(c)));
        }
        for (int i = 0; i < view.rowNumbers().size(); i++) {
            int r = view.rowNumbers().get(i);
            if (r == view.hiddenAfter() + view.hiddenRows() && view.hiddenRows() > 0) {
                out.append('\n').append(pad("⋮", widths[0], true)).append("  ")
                        .append(String.format(Locale.ROOT, "… %,d more rows", view.hiddenRows()));
            }
            out.append('\n').append(pad(numbers.get(i), widths[0], true));
            List<String> row = view.cells().get(i);
            for (int c = 0; c < columns; c++) {
                out.append("  ").append(pad(cellText(row.get(c)), widths[c + 1], view.rightAligned().get(c)));
            }
        }
        return out.toString().lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String cellText(String cell) {
        return cell == null ? MISSING : cell.replace('\n', ' ');
    }

    private static String pad(String text, int width, boolean right) {
        if (text.length() > width) {
            return text.substring(0, Math.max(0, width - 1)) + "…";
        }
        String space = " ".repeat(width - text.length());
        return right ? space + text : text + space;
    }
}
