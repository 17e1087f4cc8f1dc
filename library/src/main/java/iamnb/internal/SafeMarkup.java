package iamnb.internal;

/**
 * Markup that reads the same whether or not the front end trusts the output. Not API.
 *
 * <p>A notebook opened from a clone is untrusted, and the classic notebook then passes its stored HTML through a
 * sanitizer that drops every {@code style} attribute and {@code <style>} element, but keeps class names and the old
 * presentational attributes ({@code align}, {@code width}, {@code nowrap}, {@code valign}), as the browser test
 * {@code test_browser_notebooks.py} checks. Its style sheet also right-aligns every table cell with a rule that
 * beats a cell's own {@code align}. So the renderings here say everything twice: inline styles for trusted output,
 * nbconvert's HTML and JupyterLab, and classes or attributes that survive the sanitizer:
 *
 * <ul>
 *   <li>badges carry Bootstrap 3's {@code label label-*} classes, which the classic notebook ships;</li>
 *   <li>a left-aligned cell wraps its content in {@code <div align="left">}: no notebook rule targets that div;</li>
 *   <li>a column of long text gets a minimum {@code width}, so it is not squeezed into a narrow strip.</li>
 * </ul>
 */
public final class SafeMarkup {
    private SafeMarkup() {}

    /** A badge's colour family, as Bootstrap 3 names it ({@code label-danger}, ...). */
    public enum Tone {
        DANGER, WARNING, PRIMARY, INFO, SUCCESS, DEFAULT;

        String labelClass() {
            return "label label-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Minimum width, in CSS pixels, of a column that holds long text (findings, evidence, reasons). */
    public static final int TEXT_COLUMN_WIDTH = 160;

    /**
     * A coloured badge, e.g. a severity or a verdict: {@code colour} when trusted, the {@code tone}'s Bootstrap label
     * when the classic notebook strips the style. The text is escaped.
     */
    public static String badge(String text, String colour, Tone tone) {
        return "<span class=\"iamnb-badge " + tone.labelClass() + "\" style=\"background:" + Html.escape(colour)
                + ";color:#fff;padding:1px 6px;border-radius:3px;font-size:85%;font-weight:bold;white-space:nowrap\">"
                + Html.escape(text) + "</span>";
    }

    /**
     * Escaped text with a line-break opportunity ({@code <wbr>}) after every {@code /} and {@code :}, so a long ARN
     * can wrap in any front end (untrusted output loses {@code overflow-wrap}) instead of widening its column until
     * the others are squeezed. Only for text {@link Html#escape} made: entities hold neither character.
     */
    public static String breakable(String escapedText) {
        return escapedText.replace("/", "/<wbr>").replace(":", ":<wbr>");
    }

    /** Already-HTML cell content, left-aligned in every front end (see the class comment). */
    public static String left(String html) {
        return "<div align=\"left\">" + html + "</div>";
    }

    /** Already-HTML cell content, right-aligned in every front end. */
    public static String right(String html) {
        return "<div align=\"right\">" + html + "</div>";
    }

    /** The attribute that keeps a column of long text at least {@link #TEXT_COLUMN_WIDTH} pixels wide. */
    public static String textColumnWidth() {
        return " width=\"" + TEXT_COLUMN_WIDTH + "\"";
    }
}
