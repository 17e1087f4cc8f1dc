package iamnb.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.Iam;
import iamnb.InvalidInputException;
import iamnb.Account;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Charts drawn from the demo account and from plain tables: what they plot, and that they render. */
class ChartsTest {
    private static final Account DEMO = Iam.demo();
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static XYChart xy(Chart chart) {
        return (XYChart) chart.xchart();
    }

    /** The sum of bar heights of an area-drawn histogram series: each bar is (0, c, c, 0), bars split by NaN. */
    private static int barTotal(XYChart chart, String series) {
        XYSeries s = chart.getSeriesMap().get(series);
        if (s == null) {
            return 0;
        }
        double sum = 0;
        for (double y : s.getYData()) {
            if (!Double.isNaN(y)) {
                sum += y;
            }
        }
        return (int) Math.round(sum / 2);
    }

    private static BufferedImage decode(byte[] png) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    // ---- key age -------------------------------------------------------------------------------------------

    @Test
    void keyAge_histogram_countsOldKeysExactlyAsTheTableDoes() {
        Table keys = DEMO.accessKeys();
        int olderThan90 = (int) keys.intColumn("age_days").asList().stream().filter(a -> a != null && a > 90).count();
        Chart chart = Charts.keyAge(DEMO);

        Table bins = chart.data();
        int charted = bins.where(bins.booleanColumn("older_than_threshold").isTrue()).intColumn("keys").asList()
                .stream().mapToInt(Integer::intValue).sum();
        assertEquals(olderThan90, charted);
        assertEquals(keys.rowCount(), bins.intColumn("keys").asList().stream().mapToInt(Integer::intValue).sum());
        assertEquals(olderThan90, barTotal(xy(chart), "older than 90 days: rotate (bars)"));
        assertEquals(keys.rowCount() - olderThan90, barTotal(xy(chart), "within 90 days (bars)"));
        assertTrue(chart.description().contains(olderThan90 + " older than the 90-day rotation threshold (oldest: svc-deploy 903 days"),
                chart.description());
    }

    @Test
    void keyAge_title_saysWhatAndAsOfWhen() {
        assertEquals("Access key age, as of 2026-11-01 (demo 123456789012)", Charts.keyAge(DEMO).title());
        assertEquals("Access key age, as of 2026-11-01", Charts.keyAge(DEMO.accessKeys()).title(), "the table's name gives the instant");
        assertEquals("Service keys", Charts.keyAge(DEMO, o -> o.title("Service keys")).title());
    }

    @Test
    void keyAge_fromCredentialReport_readsBothKeyColumns() {
        Chart fromReport = Charts.keyAge(DEMO.credentialReport(), o -> o.asOf(DEMO.asOf()).source("demo 123456789012"));
        Chart fromKeys = Charts.keyAge(DEMO);
        assertEquals(fromKeys.data().intColumn("keys").asList(), fromReport.data().intColumn("keys").asList());
        assertEquals(fromKeys.title(), fromReport.title());
        assertTrue(fromReport.description().endsWith("Columns: key_1_age_days, key_2_age_days."), fromReport.description());
    }

    @Test
    void keyAge_thresholdIsABinEdge_andAKeyOfExactlyThatAgeIsWithin() {
        Table t = Table.create("mine", StringColumn.create("user", List.of("a", "b", "c", "d")),
                IntColumn.create("age", 0, 60, 60, 61));
        Chart chart = Charts.keyAge(t, o -> o.valueColumns("age").thresholdDays(60));
        Table bins = chart.data();
        assertEquals(List.of(0, 20, 40, 60), bins.intColumn("from_days").asList());
        assertEquals(List.of(1, 0, 2, 1), bins.intColumn("keys").asList());
        assertTrue(chart.description().contains("1 older than the 60-day rotation threshold (oldest: d 61 days)"),
                chart.description());
    }

    @Test
    void keyAge_whenTableHasNoAgeColumn_thenErrorListsColumnsAndFix() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Charts.keyAge(DEMO.roles()));
        assertTrue(e.getMessage().contains("table \"roles as of 2026-11-01T00:00:00Z\" has neither age_days"), e.getMessage());
        assertTrue(e.getMessage().contains("o.valueColumns("), e.getMessage());
        InvalidInputException typo = assertThrows(InvalidInputException.class,
                () -> Charts.keyAge(DEMO.accessKeys(), o -> o.valueColumns("age_dayz")));
        assertTrue(typo.getMessage().contains("has no column \"age_dayz\"; its columns are [user, access_key_id"), typo.getMessage());
        InvalidInputException text = assertThrows(InvalidInputException.class,
                () -> Charts.keyAge(DEMO.accessKeys(), o -> o.valueColumns("status")));
        assertTrue(text.getMessage().contains("not numbers"), text.getMessage());
    }

    // ---- rendering -----------------------------------------------------------------------------------------

    @Test
    void png_isAValidImageOfTheChartsSize() throws Exception {
        Chart chart = Charts.keyAge(DEMO);
        byte[] png = chart.png();
        assertArrayEquals(PNG_MAGIC, java.util.Arrays.copyOf(png, 8));
        assertTrue(png.length > 5_000 && png.length < 1_000_000, "PNG of " + png.length + " bytes");
        BufferedImage image = decode(png);
        assertEquals(800, image.getWidth());
        assertEquals(450, image.getHeight());
    }

    @Test
    void svg_carriesTitleAndThresholdLabelAsText_andIsTheSameEveryTime() {
        Chart chart = Charts.keyAge(DEMO);
        String svg = chart.svg();
        assertTrue(svg.startsWith("<?xml"), svg.substring(0, 60));
        assertTrue(svg.contains("<title>Access key age, as of 2026-11-01 (demo 123456789012)</title>"));
        assertTrue(svg.contains("90-day rotation threshold"));
        assertTrue(svg.contains("width=\"800px\""));
        assertEquals(svg, chart.svg(), "same data, same SVG bytes");
    }

    @Test
    void toMimeBundle_givesBase64PngAndDescriptionButNoSvg() throws Exception {
        Chart chart = Charts.unusedRoles(DEMO);
        Map<String, Object> bundle = chart.toMimeBundle();
        String b64 = (String) bundle.get("image/png");
        assertFalse(b64.contains("\n") || b64.contains("\r"));
        byte[] png = Base64.getDecoder().decode(b64);
        assertEquals(chart.height(), decode(png).getHeight());
        assertFalse(bundle.containsKey("image/svg+xml"), "SVG only on request: nbconvert 6.5 blanks inline SVG");
        assertTrue(((String) bundle.get("text/plain")).startsWith("Roles by days since last use, as of 2026-11-01"));
    }

    @Test
    void toMimeBundle_showsTheDescriptionAsAltTextAndCaptionOfTheSamePicture() {
        Chart chart = Charts.unusedRoles(DEMO);
        Map<String, Object> bundle = chart.toMimeBundle();
        String html = (String) bundle.get("text/html");
        String description = iamnb.internal.Html.escape(chart.description());
        assertTrue(html.contains("<img src=\"data:image/png;base64," + bundle.get("image/png") + "\""), html);
        assertTrue(html.contains(" alt=\"" + iamnb.internal.Html.escape(chart.title()) + ": " + description + "\""), html);
        assertTrue(html.contains("<figcaption><i>" + description + "</i></figcaption>"), html);
        assertTrue(html.contains(" width=\"" + chart.width() + "\""), html);
    }

    @Test
    void keyAge_ofAFilteredTable_keepsTheAccountsAsOfInItsTitle() {
        Table keys = DEMO.accessKeys();
        Table service = keys.where(keys.stringColumn("user").startsWith("svc-"));
        assertTrue(Charts.keyAge(service).title().contains("as of 2026-11-01"), Charts.keyAge(service).title());
        assertTrue(Charts.lastUsed(DEMO.credentialReport().first(3)).title().contains("as of 2026-11-01"));
        Table anonymous = service.copy();
        anonymous.setName("my keys");
        assertFalse(Charts.keyAge(anonymous).title().contains("as of"), "no instant known, none invented");
    }

    @Test
    void save_writesPngOrSvgByExtension(@TempDir Path dir) throws Exception {
        Chart chart = Charts.keyAgeVsLastUse(DEMO);
        Path png = chart.save(dir.resolve("charts/scatter.png"));
        assertArrayEquals(PNG_MAGIC, java.util.Arrays.copyOf(Files.readAllBytes(png), 8));
        Path svg = chart.save(dir.resolve("scatter.svg"));
        assertTrue(Files.readString(svg, StandardCharsets.UTF_8).contains("<title>Access key age vs days since last use"));
        assertThrows(InvalidInputException.class, () -> chart.save(dir.resolve("scatter.pdf")));
    }

    // ---- last used -----------------------------------------------------------------------------------------

    @Test
    void lastUsed_plotsEveryRecordedUse_andNamesStaleAndNeverUsedUsers() {
        Table report = DEMO.credentialReport();
        Chart chart = Charts.lastUsed(DEMO);
        XYChart x = xy(chart);
        assertEquals(report.instantColumn("password_last_used").countMissing(),
                report.rowCount() - x.getSeriesMap().get("console password").getXData().length);
        assertEquals(report.rowCount() - report.instantColumn("access_key_1_last_used_date").countMissing(),
                x.getSeriesMap().get("access key 1").getXData().length);
        assertEquals(report.rowCount(), new HashSet<>(chart.data().stringColumn("user").asList()).size()
                + 3, "every user but the three never-used ones has a dot");
        assertTrue(chart.description().contains("3 never used (former-contractor, intern-2025, svc-reporting)"),
                chart.description());
        assertTrue(chart.description().contains("2 not used in the last 90 days (old-jenkins 400 days, root 151 days)"),
                chart.description());
        assertEquals("Last use of passwords and access keys, as of 2026-11-01 (demo 123456789012)", chart.title());
    }

    @Test
    void lastUsed_fromAccessKeysTable_usesTheLastUsedColumn() {
        Chart chart = Charts.lastUsed(DEMO.accessKeys());
        assertEquals(List.of("access key", "90 days before 2026-11-01"), xy(chart).getSeriesMap().keySet().stream().toList());
        assertEquals(DEMO.accessKeys().rowCount() - DEMO.accessKeys().instantColumn("last_used").countMissing(),
                chart.data().rowCount());
    }

    /** Records which y values XChart asked the row-label formatter for while drawing. */
    private static Set<String> drawnRowLabels(Chart chart) {
        var styler = xy(chart).getStyler();
        var format = styler.getyAxisTickLabelsFormattingFunction();
        Set<String> drawn = new HashSet<>();
        styler.setyAxisTickLabelsFormattingFunction(v -> {
            String label = format.apply(v);
            drawn.add(label);
            return label;
        });
        chart.png();
        return drawn;
    }

    @Test
    void lastUsed_labelsEveryUserRow_forFewAndManyUsers() {
        for (int n : new int[] {1, 5, 44, 62, 120}) {
            Instant asOf = Instant.parse("2026-11-01T00:00:00Z");
            StringColumn user = StringColumn.create("user");
            InstantColumn used = InstantColumn.create("password_last_used");
            for (int i = 0; i < n; i++) {
                user.append("user-" + i);
                used.append(asOf.minus(Duration.ofDays(3L * i)));
            }
            Chart chart = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> Charts.lastUsed(Table.create("synthetic", user, used), o -> o.asOf(asOf)));
            Set<String> drawn = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> drawnRowLabels(chart));
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!drawn.contains("user-" + i)) {
                    missing.add("user-" + i);
                }
            }
            assertTrue(missing.isEmpty(), n + " users: rows without a label " + missing);
        }
    }

    @Test
    void charts_ofEmptyTables_renderWithoutHanging() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertTrue(Charts.keyAge(DEMO.accessKeys().emptyCopy()).png().length > 1000);
            assertTrue(Charts.lastUsed(DEMO.credentialReport().emptyCopy()).png().length > 1000);
            assertTrue(Charts.unusedRoles(DEMO.roles().emptyCopy()).png().length > 1000);
            assertTrue(Charts.keyAgeVsLastUse(DEMO.accessKeys().emptyCopy()).svg().contains("<svg"));
        });
    }

    // ---- unused roles and scatter --------------------------------------------------------------------------

    @Test
    void unusedRoles_ranksIdlestFirst_neverUsedByAge_withoutServiceLinkedRoles() {
        Chart chart = Charts.unusedRoles(DEMO, o -> o.top(5));
        Table data = chart.data();
        assertEquals(List.of("app-reports-old", "app-legacy-batch", "break-glass-admin", "my-app-role-v2", "ecs-task-thumbnails"),
                data.stringColumn("role").asList());
        assertEquals(List.of(640, 455, 365, 60, 56), data.intColumn("days_unused").asList());
        assertEquals(List.of(true, false, true, true, false), data.booleanColumn("never_used").asList());
        assertTrue(chart.description().contains("(2 service-linked left out)"), chart.description());
        Table all = Charts.unusedRoles(DEMO, o -> o.top(100)).data();
        assertFalse(all.stringColumn("role").asList().stream().anyMatch(r -> r.startsWith("AWSServiceRoleFor")));
        assertEquals(DEMO.roles().rowCount() - 2, all.rowCount());
        Set<String> drawn = drawnRowLabels(chart);
        assertTrue(drawn.containsAll(data.stringColumn("role").asList()), drawn.toString());
    }

    @Test
    void keyAgeVsLastUse_plotsEveryKey_neverUsedAtTheirAge() {
        Table keys = DEMO.accessKeys();
        Chart chart = Charts.keyAgeVsLastUse(DEMO);
        Table data = chart.data();
        assertEquals(keys.rowCount(), data.rowCount());
        int never = keys.intColumn("days_since_use").countMissing();
        assertEquals(never, xy(chart).getSeriesMap().get("never used (drawn at its age)").getXData().length);
        XYSeries neverSeries = xy(chart).getSeriesMap().get("never used (drawn at its age)");
        assertArrayEquals(neverSeries.getXData(), neverSeries.getYData());
        assertTrue(chart.description().contains("2 older than 90 days and in use (svc-deploy 903 d, legacy-etl 610 d) (rotate)"),
                chart.description());
    }

    @Test
    void options_whenOutOfRange_thenErrorNamesTheOption() {
        InvalidInputException size = assertThrows(InvalidInputException.class, () -> Charts.keyAge(DEMO, o -> o.size(10, 10)));
        assertTrue(size.getMessage().startsWith("size(10, 10)"), size.getMessage());
        assertThrows(InvalidInputException.class, () -> Charts.unusedRoles(DEMO, o -> o.top(0)));
        assertEquals(900, Charts.keyAge(DEMO, o -> o.size(900, 500)).width());
    }
}
