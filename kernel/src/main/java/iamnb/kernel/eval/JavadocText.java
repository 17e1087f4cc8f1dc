package iamnb.kernel.eval;

import iamnb.internal.Html;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Javadoc comment as JShell returns it (HTML with inline tags such as {@code {@code x}} and block tags such as
 * {@code @return}) made readable twice: as plain text for the pager and the text/plain of Shift-Tab, and as HTML.
 *
 * @param plain inline tags replaced by their text, HTML tags dropped (paragraphs and list items kept as lines),
 *              entities decoded, block tags as {@code Returns:}, {@code Parameter x:}, ...
 * @param html  the comment's own HTML, inline tags as {@code <code>} and block tags as labelled paragraphs
 */
public record JavadocText(String plain, String html) {
    /** Block tags by name: an annotation at the start of a line of a code example is not one. */
    private static final Pattern BLOCK_TAG = Pattern.compile("(?m)^\\s*@(param|return|throws|exception|see|since"
            + "|deprecated|apiNote|implSpec|implNote|author|version)\\b(?:[ \\t]+(\\S+))?");
    /** Two or more line ends in a row (after trailing blanks are gone): one empty line is enough. */
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{2,}");

    /** Converts a raw comment; never fails, whatever the comment holds (unbalanced braces stay as they are). */
    public static JavadocText of(String raw) {
        String text = dedent(raw.replace("\r\n", "\n").strip());
        return new JavadocText(plainOf(text), htmlOf(text));
    }

    /**
     * Removes the indentation every line after the first shares: a comment's lines come with the space that
     * followed each {@code *}, while indentation beyond it (in a code example) is meant.
     */
    static String dedent(String text) {
        String[] lines = text.split("\n", -1);
        int common = Integer.MAX_VALUE;
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                common = Math.min(common, lines[i].length() - lines[i].stripLeading().length());
            }
        }
        if (common == 0 || common == Integer.MAX_VALUE) {
            return text;
        }
        StringBuilder out = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.append('\n').append(lines[i].isBlank() ? "" : lines[i].substring(common));
        }
        return out.toString();
    }

    private static String plainOf(String text) {
        String inline = inlineTags(text, false);
        Matcher first = BLOCK_TAG.matcher(inline);
        String description = first.find() ? inline.substring(0, first.start()) : inline;
        String tags = inline.substring(description.length());
        String labelled = BLOCK_TAG.matcher(tags).replaceAll(m -> Matcher.quoteReplacement(
                blockLabel(m.group(1), m.group(2)) + afterLabel(m.group(1), m.group(2))));
        return tidy(withoutHtml(description)) + (tags.isEmpty() ? "" : "\n\n" + tidy(withoutHtml(labelled)));
    }

    /** Paragraphs as blank lines, block elements and list items as lines, other tags dropped, entities decoded. */
    private static String withoutHtml(String text) {
        return text.replaceAll("(?i)<\\s*p\\b[^>]*>", "\n\n")
                .replaceAll("(?i)<\\s*(br|/p|pre|/pre|ul|/ul|ol|/ol|dl|/dl|dt|dd|h\\d)\\b[^>]*>", "\n")
                .replaceAll("(?i)<\\s*li\\b[^>]*>", "\n- ")
                .replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#64;", "@").replace("&nbsp;", " ").replace("&amp;", "&");
    }

    private static String tidy(String text) {
        return BLANK_LINES.matcher(text.replaceAll("(?m)[ \\t]+$", "")).replaceAll("\n\n").strip();
    }

    private static String htmlOf(String text) {
        String inline = inlineTags(text, true);
        return BLOCK_TAG.matcher(inline).replaceAll(m -> Matcher.quoteReplacement(
                "<p><b>" + Html.escape(blockLabel(m.group(1), m.group(2))) + "</b>"
                        + afterLabel(m.group(1), m.group(2))));
    }

    /** {@code Returns:}, {@code Parameter limit:}, {@code Throws InvalidInputException:}, {@code Since:} ... */
    private static String blockLabel(String tag, String word) {
        return switch (tag) {
            case "return" -> "Returns:";
            case "param" -> "Parameter " + word + ":";
            case "throws", "exception" -> "Throws " + word + ":";
            default -> Character.toUpperCase(tag.charAt(0)) + tag.substring(1) + ":";
        };
    }

    /** The first word after the tag, unless the label took it (a parameter's or an exception's name). */
    private static String afterLabel(String tag, String word) {
        boolean named = tag.equals("param") || tag.equals("throws") || tag.equals("exception");
        return named || word == null ? "" : " " + word;
    }

    /**
     * Replaces every inline tag ({@code {@code x}}, {@code {@link A#b label}}, ...) by its text; braces inside a
     * tag nest, as in {@code {@code Map<K, V> m = new HashMap<>() {}}}.
     */
    private static String inlineTags(String text, boolean html) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{@", i);
            if (open < 0) {
                out.append(text, i, text.length());
                break;
            }
            int close = matchingBrace(text, open);
            if (close < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, open);
            out.append(inlineTag(text.substring(open + 2, close), html));
            i = close + 1;
        }
        return out.toString();
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String inlineTag(String tag, boolean html) {
        int space = indexOfWhitespace(tag);
        String name = space < 0 ? tag : tag.substring(0, space);
        String body = space < 0 ? "" : tag.substring(space + 1).strip();
        String shown = switch (name) {
            case "link", "linkplain" -> linkText(body);
            case "inheritDoc" -> "";
            default -> body; // code, literal, value, index, summary, ...
        };
        if (!html) {
            return shown;
        }
        boolean code = name.equals("code") || name.equals("link") || name.equals("value");
        return code ? "<code>" + Html.escape(shown) + "</code>" : Html.escape(shown);
    }

    /** The label of {@code A#b(int) label}, else the reference as Java reads it: {@code A.b(int)}, {@code b}. */
    private static String linkText(String body) {
        int parenDepth = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(') {
                parenDepth++;
            } else if (c == ')') {
                parenDepth--;
            } else if (Character.isWhitespace(c) && parenDepth == 0) {
                return body.substring(i + 1).strip();
            }
        }
        String reference = body.startsWith("#") ? body.substring(1) : body;
        return reference.replace('#', '.');
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
