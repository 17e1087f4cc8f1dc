package iamnb.kernel.display.api;

import java.util.Map;
import java.util.Objects;

/**
 * An SVG document shown as a picture: {@code display(Svg.of("<svg ...>...</svg>"))}, or a chart
 * in vector form: {@code display(Svg.of(chart))}.
 */
public record Svg(String svg) {

    public Svg {
        Objects.requireNonNull(svg, "SVG text must not be null");
        if (!svg.contains("<svg")) {
            throw new IllegalArgumentException("not an SVG document (no <svg element): "
                    + (svg.length() > 60 ? svg.substring(0, 60) + "…" : svg));
        }
    }

    public static Svg of(String svg) {
        return new Svg(svg);
    }

    /** An XChart chart as SVG (charts show as PNG by default; this asks for the vector form). */
    public static Svg of(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        return new Svg(iamnb.kernel.display.ChartRenderer.svg(chart));
    }

    public Map<String, Object> toMimeBundle() {
        return Map.of("image/svg+xml", iamnb.kernel.display.SvgText.inline(svg), "text/plain", "SVG image (" + svg.length() + " characters)");
    }
}
