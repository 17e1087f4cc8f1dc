package iamnb.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableRendererTest {

    private final TableRenderer renderer = new TableRenderer();

    private static Table keys(int rows) {
        var user = StringColumn.create("user");
        var age = IntColumn.create("age_days");
        var created = InstantColumn.create("created");
        for (int i = 0; i < rows; i++) {
            user.append("user-" + i);
            age.append(i * 1000);
            created.append(Instant.parse("2024-01-02T03:04:05Z").plusSeconds(86_400L * i));
        }
        return Table.create("keys", user, age, created);
    }

    private String html(Object value) {
        return (String) renderer.render(value).orElseThrow().data().get("text/html");
    }

    private String text(Object value) {
        return renderer.render(value).orElseThrow().plainText();
    }

    @Test
    void render_whenLongTable_thenShowsHeadTailAndHiddenRowCount() {
        String html = html(keys(100));
        assertTrue(html.contains(">user-19<"), "first 20 rows shown");
        assertFalse(html.contains(">user-20<"), "row 21 hidden");
        assertTrue(html.contains(">user-95<") && html.contains(">user-99<"), "last 5 rows shown");
        assertFalse(html.contains(">user-94<"));
        assertTrue(html.contains("75 more rows"));
        assertTrue(html.contains("keys · 100 rows × 3 columns"));
        assertEquals(25, Pattern.compile("<tr><th style=\"color:#888;font-weight:normal").matcher(html).results().count());
    }

    @Test
    void render_whenShortTable_thenShowsEveryRowWithoutEllipsis() {
        String html = html(keys(30));
        assertTrue(html.contains(">user-29<"));
        assertFalse(html.contains("more rows"));
    }

    @Test
    void render_formatsInstantsAsIsoUtcAndNumbersWithSeparatorsRightAligned() {
        String html = html(keys(5));
        assertTrue(html.contains(">2024-01-03T03:04:05Z<"), html);
        assertTrue(html.contains("text-align:right;white-space:nowrap\">4,000<"), html);
        assertTrue(html.contains("text-align:left;white-space:nowrap\"><div align=\"left\">user-1</div><"), html);
    }

    @Test
    void render_whenStylesAreStripped_textStillLeftAligned_shortValuesUnbroken_longTextWide() {
        // An untrusted classic notebook drops style="" and right-aligns every td: what must remain is markup.
        var reason = StringColumn.create("reason", "Allowed by statement #0 of identity policy arn:aws:iam::aws:policy/AdministratorAccess");
        var count = IntColumn.create("n", new int[] {3});
        String html = html(Table.create("who can", reason, count)).replaceAll(" style=\"[^\"]*\"", "");
        assertTrue(html.contains("<th title=\"string\" width=\"160\"><div align=\"left\">reason"), html);
        assertTrue(html.contains("<td><div align=\"left\">Allowed by statement #0 of identity policy arn:<wbr>aws:<wbr>iam:<wbr>"), html);
        assertTrue(html.contains("<td nowrap>3</td>"), html);
    }

    @Test
    void render_whenValueMissing_thenShowsDistinctMarker() {
        var name = StringColumn.create("name", "alice", null);
        var last = DateColumn.create("last_used");
        last.append(LocalDate.of(2024, 5, 1));
        last.appendMissing();
        String html = html(Table.create(name, last));
        assertTrue(html.contains("title=\"missing value\"><div align=\"left\">NA</div></td>"), html);
        assertTrue(html.contains(">2024-05-01<"));
        assertTrue(text(Table.create(name, last)).contains("NA"));
    }

    @Test
    void render_escapesCellAndHeaderText() {
        var column = StringColumn.create("<b>", "<script>alert('x')</script> & co");
        String html = html(Table.create("t", column));
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"));
        assertTrue(html.contains("&lt;b&gt;"));
    }

    @Test
    void render_givesDecimalsThatLineUpDownTheColumn() {
        var score = DoubleColumn.create("score", 1.5, 1234.25, 2.0);
        String text = text(Table.create("s", score));
        assertTrue(text.contains("    1.50"), text);
        assertTrue(text.contains("1,234.25"), text);
        assertTrue(text.contains("    2.00"), text);
    }

    @Test
    void render_textPlainHasCaptionAndAlignedColumns() {
        String text = text(keys(3));
        String[] lines = text.split("\n");
        assertEquals("keys · 3 rows × 3 columns", lines[0]);
        assertTrue(lines[1].contains("user") && lines[1].contains("age_days") && lines[1].contains("created"));
        assertTrue(lines[4].startsWith("2  user-2"), text);
        assertTrue(lines[4].contains("2,000"));
    }

    @Test
    void render_whenNotATable_thenEmpty() {
        assertTrue(renderer.render("x").isEmpty());
    }

    @Test
    void columnRenderer_showsColumnAsOneColumnTable() {
        var html = (String) new ColumnRenderer().render(IntColumn.create("n", 1, 2, 3)).orElseThrow().data().get("text/html");
        assertTrue(html.contains("3 rows × 1 column"));
        assertTrue(html.contains(">n<br>"));
    }
}
