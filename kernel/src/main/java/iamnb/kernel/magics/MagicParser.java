package iamnb.kernel.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cell into Java code and magic calls, IPython's way:
 * <ul>
 *   <li>a cell whose first non-blank line is {@code %%name args} is one cell magic; the lines
 *       after it are its body;</li>
 *   <li>any other line that starts (after indentation) with {@code %name} is a line magic, run
 *       in its place between the Java code around it.</li>
 * </ul>
 * A {@code %} directly followed by a letter never starts a Java line, so this cannot misread
 * code, with two guards: lines inside a text block stay code, and {@code % x} (a modulo on a
 * continuation line, with a space) is not a magic.
 */
public final class MagicParser {

    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%([A-Za-z][A-Za-z0-9_]*)(?:\\s+(.*))?$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%([A-Za-z][A-Za-z0-9_]*)(?:\\s+(.*))?$");
    private static final Pattern STARTS_LIKE_MAGIC = Pattern.compile("^\\s*%%?([A-Za-z]|\\s*$)");

    private MagicParser() {}

    /** A part of a cell, in order. */
    public sealed interface Segment {
        /** Java code; {@code firstLine} is its 1-based line in the cell. */
        record Code(String code, int firstLine) implements Segment {}

        record Call(MagicCall call) implements Segment {}
    }

    /** True when the cell holds at least one magic (cheap: the kernel asks for every cell). */
    public static boolean hasMagic(String cell) {
        if (cell.indexOf('%') < 0) {
            return false;
        }
        boolean inTextBlock = false;
        for (String line : cell.split("\n", -1)) {
            if (!inTextBlock && STARTS_LIKE_MAGIC.matcher(line).find()) {
                return true;
            }
            inTextBlock ^= countTextBlockQuotes(line) % 2 == 1;
        }
        return false;
    }

    public static List<Segment> parse(String cell) {
        String[] lines = cell.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        var segments = new ArrayList<Segment>();
        if (first < lines.length && lines[first].stripLeading().startsWith("%%")) {
            Matcher m = CELL_MAGIC.matcher(stripCr(lines[first]));
            if (!m.matches()) {
                throw new MagicException("expected a cell magic name after %% on line " + (first + 1)
                        + ", e.g. %%bash; %lsmagic lists them");
            }
            String body = String.join("\n", java.util.Arrays.copyOfRange(lines, first + 1, lines.length));
            segments.add(new Segment.Call(new MagicCall(m.group(1), true, m.group(2), body, first + 1)));
            return segments;
        }
        var code = new StringBuilder();
        int codeStart = 1;
        boolean inTextBlock = false;
        for (int i = 0; i < lines.length; i++) {
            String line = stripCr(lines[i]);
            boolean magicLine = !inTextBlock && STARTS_LIKE_MAGIC.matcher(line).find();
            inTextBlock ^= countTextBlockQuotes(line) % 2 == 1;
            if (!magicLine) {
                if (code.length() == 0) {
                    codeStart = i + 1;
                } else {
                    code.append('\n');
                }
                code.append(lines[i]);
                continue;
            }
            if (line.stripLeading().startsWith("%%")) {
                throw new MagicException("cell magic " + line.strip().split("\\s+")[0] + " on line " + (i + 1)
                        + " must be the first line of the cell");
            }
            Matcher m = LINE_MAGIC.matcher(line);
            if (!m.matches()) {
                throw new MagicException("expected a magic name after % on line " + (i + 1) + ", e.g. %time; %lsmagic lists them");
            }
            flush(segments, code, codeStart);
            segments.add(new Segment.Call(new MagicCall(m.group(1), false, m.group(2), "", i + 1)));
        }
        flush(segments, code, codeStart);
        return segments;
    }

    private static void flush(List<Segment> segments, StringBuilder code, int firstLine) {
        if (!code.toString().isBlank()) {
            segments.add(new Segment.Code(code.toString(), firstLine));
        }
        code.setLength(0);
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static int countTextBlockQuotes(String line) {
        int count = 0;
        for (int i = line.indexOf("\"\"\""); i >= 0; i = line.indexOf("\"\"\"", i + 3)) {
            count++;
        }
        return count;
    }
}
