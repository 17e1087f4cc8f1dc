package iamnb.kernel.display;

import java.util.regex.Pattern;

/**
 * SVG as front ends take it inline: without the XML declaration and DOCTYPE that vector
 * encoders write first. nbconvert's HTML export (lxml) rejects a string that declares its
 * encoding, and an inline SVG in HTML needs neither.
 */
public final class SvgText {
    private static final Pattern PROLOG = Pattern.compile("^\\s*(<\\?xml[^>]*\\?>\\s*)?(<!DOCTYPE[^>]*>\\s*)?",
            Pattern.CASE_INSENSITIVE);

    private SvgText() {}

    public static String inline(String svg) {
        return PROLOG.matcher(svg).replaceFirst("");
    }
}
