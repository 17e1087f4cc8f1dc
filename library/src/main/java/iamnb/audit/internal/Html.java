package iamnb.audit.internal;

import static iamnb.internal.Html.escape;

import iamnb.audit.Severity;
import iamnb.internal.SafeMarkup;
import iamnb.internal.SafeMarkup.Tone;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Small HTML helpers for the audit renderings: every value goes through {@link iamnb.internal.Html#escape}. Not
 * API.
 */
public final class Html {
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** A column holding a cell longer than this (in visible characters) is a text column: it gets a minimum width. */
    private static final int LONG_TEXT = 40;

    private Html() {}

    /** A coloured badge, e.g. for a severity or a PASS/FAIL status, that stays a badge in untrusted output. */
    public static String badge(String text, String colour, Tone tone) {
        return SafeMarkup.badge(text, colour, tone);
    }

    /** A severity's badge, in its colour. */
    public static String severityBadge(Severity severity) {
        Tone tone = switch (severity) {
            case CRITICAL -> Tone.DANGER;
            case HIGH -> Tone.WARNING;
            case MEDIUM -> Tone.PRIMARY;
            case LOW -> Tone.INFO;
            case INFO -> Tone.DEFAULT;
        };
        return badge(severity.name(), severity.colour(), tone);
    }

    /** A checklist status's badge: PASS, FAIL, WARN, MANUAL. */
    public static String statusBadge(String status) {
        return badge(status, statusColour(status), statusTone(status));
    }

    /** A table with a header row; cells are escaped unless {@code rawColumn} names the one holding HTML. */
    public static String table(List<String> header, List<List<String>> rows, int rawColumn) {
        List<List<String>> html = new java.util.ArrayList<>(rows.size());
        for (List<String> row : rows) {
            List<String> cells = new java.util.ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                cells.add(i == rawColumn ? row.get(i) : SafeMarkup.breakable(escape(row.get(i))));
            }
            html.add(cells);
        }
        return rawTable(header, html);
    }

    /**
     * A table whose cells are already HTML. Long ARNs and policy excerpts wrap anywhere, so a wide finding never
     * pushes the table past the notebook's width.
     */
    public static String rawTable(List<String> header, List<List<String>> htmlRows) {
        StringBuilder h = new StringBuilder("<table class=\"iamnb-audit\" style=\"border-collapse:collapse\"><thead><tr>");
        for (int c = 0; c < header.size(); c++) {
            h.append("<th").append(hasLongText(htmlRows, c) ? SafeMarkup.textColumnWidth() : "")
                    .append(" style=\"text-align:left;border-bottom:1px solid #999;padding:2px 6px\">")
                    .append(SafeMarkup.left(escape(header.get(c)))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (List<String> row : htmlRows) {
            h.append("<tr>");
            for (String cell : row) {
                h.append("<td valign=\"top\" style=\"text-align:left;vertical-align:top;border-bottom:1px solid #ddd;"
                        + "padding:2px 6px;overflow-wrap:anywhere;max-width:32em\">").append(SafeMarkup.left(cell)).append("</td>");
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table>").toString();
    }

    /** Whether some cell of the column shows more than {@value #LONG_TEXT} characters once its tags are removed. */
    private static boolean hasLongText(List<List<String>> htmlRows, int column) {
        return htmlRows.stream().anyMatch(r -> column < r.size() && TAG.matcher(r.get(column)).replaceAll("").length() > LONG_TEXT);
    }

    public static String statusColour(String status) {
        return switch (status) {
            case "PASS" -> "#2e7d32";
            case "FAIL" -> "#b71c1c";
            case "WARN" -> "#e65100";
            case "MANUAL" -> "#1565c0";
            default -> "#616161";
        };
    }

    public static Tone statusTone(String status) {
        return switch (status) {
            case "PASS" -> Tone.SUCCESS;
            case "FAIL" -> Tone.DANGER;
            case "WARN" -> Tone.WARNING;
            case "MANUAL" -> Tone.PRIMARY;
            default -> Tone.DEFAULT;
        };
    }

    /** Plain-text table with columns padded to width (long cells are cut with an ellipsis). */
    public static String text(List<String> header, List<List<String>> rows, int maxWidth) {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.min(maxWidth, Math.max(w[i], r.get(i).length()));
            }
        }
        StringBuilder b = new StringBuilder();
        appendRow(b, header, w);
        for (int i = 0; i < w.length; i++) {
            b.append("-".repeat(w[i])).append(i + 1 < w.length ? "  " : "\n");
        }
        for (List<String> r : rows) {
            appendRow(b, r, w);
        }
        return b.toString();
    }

    private static void appendRow(StringBuilder b, List<String> cells, int[] w) {
        for (int i = 0; i < w.length; i++) {
            String c = cells.get(i).replace('\n', ' ');
            if (c.length() > w[i]) {
                c = c.substring(0, Math.max(0, w[i] - 1)) + "…";
            }
            b.append(c);
            if (i + 1 < w.length) {
                b.append(" ".repeat(w[i] - c.length() + 2));
            }
        }
        b.append('\n');
    }
}
