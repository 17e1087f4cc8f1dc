package iamnb.internal;

/**
 * The library's one HTML escape, shared by every {@code toMimeBundle()} rendering. Not API: notebooks should not
 * call it, and it may change without notice.
 */
public final class Html {
    private Html() {}

    /**
     * Escapes text for HTML element content and for attribute values in either kind of quote:
     * {@code & < > " '} become {@code &amp; &lt; &gt; &quot; &#39;}. A {@code null} becomes the empty string, so a
     * missing value renders as an empty cell rather than failing the whole rendering.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
