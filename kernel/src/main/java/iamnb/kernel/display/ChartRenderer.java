package iamnb.kernel.display;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * XChart charts as image/png, drawn at twice the chart's size and shown at its size (the
 * width/height metadata), so they are sharp on high-density screens and readable everywhere:
 * classic notebook, JupyterLab, VS Code, and nbconvert's HTML.
 *
 * <p>SVG is not in the default bundle on purpose: front ends prefer it to PNG, and nbconvert
 * 6.5 (Debian 12) cleans inline SVG with an HTML cleaner that drops every drawing element, so
 * the chart came out blank in exported HTML. {@link #svg} gives it on request
 * ({@code display(Svg.of(chart))}). Needs a headless AWT with real fonts (fonts-dejavu-core and
 * fontconfig on Debian).
 */
public final class ChartRenderer implements Renderer {

    static final int SCALE = 2;

    @Override
    public Optional<MimeBundle> render(Object value) {
        if (!(value instanceof Chart<?, ?> chart)) {
            return Optional.empty();
        }
        String title = chart.getTitle() == null || chart.getTitle().isBlank()
                ? chart.getClass().getSimpleName() : chart.getTitle();
        Map<String, Object> data = Map.of(
                MimeTypes.PNG, Base64.getEncoder().encodeToString(png(chart)),
                MimeTypes.TEXT, title + " (" + chart.getWidth() + "×" + chart.getHeight() + " chart)");
        Map<String, Object> metadata = Map.of(MimeTypes.PNG, Map.of("width", chart.getWidth(), "height", chart.getHeight()));
        return Optional.of(new MimeBundle(data, metadata));
    }

    static byte[] png(Chart<?, ?> chart) {
        var image = new BufferedImage(chart.getWidth() * SCALE, chart.getHeight() * SCALE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            chart.paint(g, chart.getWidth(), chart.getHeight());
        } finally {
            g.dispose();
        }
        return ImageRenderer.png(image);
    }

    /** The chart as an inline SVG document (VectorGraphics2D), for {@code Svg.of(chart)}. */
    public static String svg(Chart<?, ?> chart) {
        var out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode chart as SVG: " + e.getMessage(), e);
        }
        return SvgText.inline(out.toString(StandardCharsets.UTF_8));
    }
}
