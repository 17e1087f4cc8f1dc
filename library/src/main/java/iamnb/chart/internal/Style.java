package iamnb.chart.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.List;
import java.util.TimeZone;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * The look shared by the library's charts: DejaVu Sans (installed with fonts-dejavu-core; Java falls back to
 * its logical sans-serif font elsewhere), white background, light grid, legend at the bottom, and a small
 * palette in which red always means "past the threshold" and grey "never used / inactive".
 */
public final class Style {
    public static final String FONT = "DejaVu Sans";
    public static final Color OK = new Color(0x2F6FB5);
    public static final Color OVER = new Color(0xD1495B);
    public static final Color NEVER = new Color(0x8A8F98);
    public static final Color THRESHOLD = new Color(0x8B1E2D);
    public static final Color INK = new Color(0x24292F);
    public static final Color GRID = new Color(0xE4E7EB);
    public static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    private Style() {}

    public static Font font(int style, int size) {
        return new Font(FONT, style, size);
    }

    /**
     * A legend entry drawn as a solid swatch, for series whose own legend line would be a hairline (areas) or a
     * slab (thick bars). The series itself is a zero-length line, so it draws nothing in the plot.
     */
    public static void legendSwatch(XYChart chart, String name, Color color, double x, double y) {
        XYSeries swatch = chart.addSeries(name, new double[] {x, x}, new double[] {y, y});
        swatch.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        swatch.setMarker(SeriesMarkers.NONE);
        swatch.setLineColor(color);
        swatch.setLineStyle(new BasicStroke(9f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    }

    /**
     * Names rows on the y axis: the first label at the top (y = n), the last at the bottom (y = 1).
     *
     * <p>XChart's tick loop (3.8.8) needs tick labels that are non-empty (an empty one fails text layout and
     * no tick is drawn) and unique (otherwise it widens the step forever), and it sizes the axis from every
     * label. So: the spacing hint aims at exactly one tick per row (step 1); row ticks get their (de-duplicated)
     * label; any other tick gets a short blank label made unique with plain and no-break spaces; the axis
     * bounds (n + 0.63 and 0.37, values no tick takes) format as the longest label so the axis is wide enough.
     */
    public static void rowLabels(XYChart chart, List<String> labels, int height) {
        int n = labels.size();
        double min = 0.37;
        double max = n + 0.63;
        List<String> unique = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String label : labels) {
            String l = label.isEmpty() ? "(no name)" : label;
            while (!seen.add(l)) {
                l = l + "\u00A0";
            }
            unique.add(l);
        }
        String longest = unique.stream().max(java.util.Comparator.comparingInt(String::length)).orElse("");
        XYStyler s = chart.getStyler();
        s.setYAxisMin(min);
        s.setYAxisMax(max);
        // XChart keeps (1 - content size) of the plot blank at each end; the bounds already pad the rows
        s.setPlotContentSize(0.985);
        double pxPerRow = Math.max(1, height - 145) / (max - min);
        s.setYAxisTickMarkSpacingHint((int) Math.max(6, Math.round(pxPerRow * 1.1)));
        s.setyAxisTickLabelsFormattingFunction(v -> {
            if (v == max) {
                return longest.isEmpty() ? " " : longest;
            }
            if (v == min) {
                return longest + " ";
            }
            if (Math.abs(v - Math.rint(v)) < 1e-9) {
                int i = n - (int) Math.rint(v);
                if (i >= 0 && i < n) {
                    return unique.get(i);
                }
            }
            return blank((int) Math.floorMod(Math.round(v * 4) + 64, 1L << 20));
        });
    }

    /**
     * A blank label unique to {@code code}: its binary digits (from the highest set bit) as plain and no-break
     * spaces. Ticks closer than a quarter row may share a code; XChart then widens its step until they don't.
     */
    static String blank(int code) {
        StringBuilder b = new StringBuilder(21);
        for (int bit = 31 - Integer.numberOfLeadingZeros(Math.max(1, code)); bit >= 0; bit--) {
            b.append(((code >> bit) & 1) == 0 ? ' ' : '\u00A0');
        }
        return b.toString();
    }

    /** The width in pixels of {@code text} drawn in {@code font}, measured as XChart measures it. */
    public static double textWidth(String text, Font font) {
        if (text.isEmpty()) {
            return 0;
        }
        return font.getStringBounds(text, new FontRenderContext(null, true, false)).getWidth();
    }

    /** About how wide the plot will be once XChart has placed a y axis whose widest label is {@code labelPx}. */
    public static double plotWidth(int chartWidth, double labelPx) {
        return Math.max(100, chartWidth - labelPx - 30);
    }

    /**
     * Keeps the title and the legend inside the image when wide row labels push the plot right (XChart centres
     * both on the plot): the title font shrinks down to 11 points, and a legend wider than the plot moves into
     * the plot's top right corner, one entry per line.
     */
    public static void fitTitleAndLegend(XYChart chart, double plotPx) {
        XYStyler s = chart.getStyler();
        Font title = s.getChartTitleFont();
        while (textWidth(chart.getTitle(), title) > plotPx + 40 && title.getSize() > 11) {
            title = title.deriveFont((float) title.getSize() - 1);
        }
        s.setChartTitleFont(title);
        double legend = 0;
        for (var series : chart.getSeriesMap().values()) {
            if (series.isShowInLegend()) {
                legend += textWidth(series.getName(), s.getLegendFont()) + 40;
            }
        }
        if (legend > plotPx) {
            s.setLegendPosition(Styler.LegendPosition.InsideNE);
            s.setLegendLayout(Styler.LegendLayout.Vertical);
            s.setLegendBorderColor(GRID);
        }
    }

    /** An XY chart with our fonts, colours and legend placement. */
    public static XYChart xy(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).theme(Styler.ChartTheme.XChart).build();
        XYStyler s = chart.getStyler();
        s.setBaseFont(font(Font.PLAIN, 12));
        s.setChartTitleFont(font(Font.BOLD, 15));
        s.setChartTitleBoxVisible(false);
        s.setChartFontColor(INK);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setAxisTitleFont(font(Font.PLAIN, 12));
        s.setAxisTickLabelsFont(font(Font.PLAIN, 11));
        s.setAxisTickLabelsColor(INK);
        s.setAxisTickMarksColor(new Color(0xAAB0B8));
        s.setLegendFont(font(Font.PLAIN, 12));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE);
        s.setAnnotationTextFont(font(Font.PLAIN, 11));
        s.setAnnotationTextFontColor(INK);
        s.setChartPadding(18);
        s.setTimezone(TimeZone.getTimeZone("UTC"));
        s.setToolTipsEnabled(false);
        s.setAxisTicksMarksVisible(false);
        return chart;
    }
}
