package iamnb.kernel.display;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * XChart charts as image/png (base64, for every front end, trusted or not) and image/svg+xml
 * (crisp in nbconvert HTML and trusted notebooks). Needs a headless AWT with real fonts
 * (fonts-dejavu-core and fontconfig on Debian); without fonts XChart fails, and the chart is
 * shown as text with the failure reported.
 */
public final class ChartRenderer implements Renderer {

    @Override
    public Optional<MimeBundle> render(Object value) {
        if (!(value instanceof Chart<?, ?> chart)) {
            return Optional.empty();
        }
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            var svg = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            String title = chart.getTitle() == null || chart.getTitle().isBlank()
                    ? chart.getClass().getSimpleName() : chart.getTitle();
            return Optional.of(MimeBundle.of(MimeTypes.PNG, Base64.getEncoder().encodeToString(png))
                    .with(MimeTypes.SVG, svg.toString(StandardCharsets.UTF_8))
                    .with(MimeTypes.TEXT, title + " (" + chart.getWidth() + "×" + chart.getHeight() + " chart)"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode chart: " + e.getMessage(), e);
        }
    }
}
