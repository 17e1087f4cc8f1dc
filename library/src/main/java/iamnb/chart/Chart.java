package iamnb.chart;

import static iamnb.internal.Html.escape;

import iamnb.IamnbException;
import iamnb.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import tech.tablesaw.api.Table;

/**
 * A chart of the library: the XChart chart that draws it, the table of exactly what it plots, and a sentence
 * describing it. Shows itself in a notebook through {@link #toMimeBundle()} (PNG, SVG and the sentence), and
 * writes itself with {@link #save(Path)}.
 *
 * <p>The SVG carries the title and the description as {@code <title>} and {@code <desc>} (XChart draws text as
 * shapes, so without them the SVG would have no readable text for screen readers and search), and its
 * generated ids are numbered in order, so the same data gives the same SVG bytes.
 */
public final class Chart {
    private static final Pattern CLIP_ID = Pattern.compile("clip(-?\\d+)");

    private final org.knowm.xchart.internal.chartpart.Chart<?, ?> xchart;
    private final Table data;
    private final String description;

    Chart(org.knowm.xchart.internal.chartpart.Chart<?, ?> xchart, Table data, String description) {
        this.xchart = Objects.requireNonNull(xchart, "xchart");
        this.data = Objects.requireNonNull(data, "data");
        this.description = Objects.requireNonNull(description, "description");
    }

    public String title() {
        return xchart.getTitle();
    }

    /** What the chart shows, in words: counts, the threshold, the worst cases. */
    public String description() {
        return description;
    }

    /** Exactly what is plotted, one row per bar, bin or point (a copy). */
    public Table data() {
        return data.copy();
    }

    public int width() {
        return xchart.getWidth();
    }

    public int height() {
        return xchart.getHeight();
    }

    /**
     * The XChart chart, for styling beyond what {@link ChartOptions} offers. It is mutable and shared with this
     * object: changes show in later {@link #png()} and {@link #svg()} calls.
     */
    public org.knowm.xchart.internal.chartpart.Chart<?, ?> xchart() {
        return xchart;
    }

    /** The chart as a PNG image. */
    public byte[] png() {
        try {
            return BitmapEncoder.getBitmapBytes(xchart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw the chart \"" + title() + "\" as PNG: " + e.getMessage(), e);
        } catch (java.awt.AWTError | UnsatisfiedLinkError e) {
            throw new IamnbException("could not draw the chart \"" + title() + "\": Java's graphics are not usable here ("
                    + e + "). Run with -Djava.awt.headless=true and install fonts (Debian: fonts-dejavu-core).", e);
        }
    }

    /** The chart as an SVG document, with its title and description as text. */
    public String svg() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(xchart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw the chart \"" + title() + "\" as SVG: " + e.getMessage(), e);
        }
        return accessible(stableIds(out.toString(StandardCharsets.UTF_8)));
    }

    /** Renumbers VectorGraphics2D's random clip-path ids as clip1, clip2, ... in order of appearance. */
    private static String stableIds(String svg) {
        Map<String, String> ids = new LinkedHashMap<>();
        Matcher m = CLIP_ID.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length());
        while (m.find()) {
            String id = ids.computeIfAbsent(m.group(1), k -> Integer.toString(ids.size() + 1));
            m.appendReplacement(out, "clip" + id);
        }
        m.appendTail(out);
        return out.toString();
    }

    private String accessible(String svg) {
        int open = svg.indexOf("<svg");
        int end = open < 0 ? -1 : svg.indexOf('>', open);
        if (end < 0) {
            return svg;
        }
        String label = escape(title());
        String head = svg.substring(0, end);
        String attrs = " role=\"img\" aria-label=\"" + label + "\"";
        return head + attrs + ">\n  <title>" + label + "</title>\n  <desc>" + escape(description) + "</desc>"
                + svg.substring(end + 1);
    }

    /**
     * Writes the chart as PNG or SVG, chosen by the file name's extension ({@code .png}, {@code .svg}).
     *
     * @return the file, for chaining
     */
    public Path save(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (name.endsWith(".png")) {
                Files.write(file, png());
            } else if (name.endsWith(".svg")) {
                Files.writeString(file, svg(), StandardCharsets.UTF_8);
            } else {
                throw new InvalidInputException("save(" + file + "): name the file .png or .svg, e.g. Path.of(\"key-age.png\")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * {@code image/png} (base64, one line), {@code text/html} (the same picture with the description as its alt text
     * and as a caption under it, so notebooks and exported HTML show the sentence too) and {@code text/plain} (title
     * and description). The HTML is a plain figure, image and caption, which untrusted notebooks keep as it is.
     *
     * <p>SVG is left out on purpose and given on request ({@link #svg()}, {@link #save(Path)}, or in a notebook
     * {@code display(Svg.of(chart.svg()))}): front ends prefer SVG to PNG when a bundle has both, and the
     * {@code jupyter nbconvert --to html} packaged with Debian (6.5) strips every element inside an inline SVG,
     * leaving a blank box; XChart's SVG is also 150-500 KB per chart, which bloats committed notebooks.
     */
    public Map<String, Object> toMimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        String png = Base64.getEncoder().encodeToString(png());
        bundle.put("image/png", png);
        bundle.put("text/html", html(png));
        bundle.put("text/plain", toString());
        return bundle;
    }

    private String html(String base64Png) {
        return "<figure class=\"iamnb-chart\" style=\"margin:0\"><img src=\"data:image/png;base64," + base64Png
                + "\" width=\"" + width() + "\" height=\"" + height() + "\" alt=\"" + escape(title() + ": " + description)
                + "\"><figcaption><i>" + escape(description) + "</i></figcaption></figure>";
    }

    @Override
    public String toString() {
        return title() + "\n" + description;
    }
}
