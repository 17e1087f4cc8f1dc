package iamnb.kernel.display;

/**
 * The kernel's one HTML escape, for text placed in element content and attribute values:
 * {@code & < > " '} become {@code &amp; &lt; &gt; &quot; &#39;}. Public only so the kernel's other
 * packages share it; not API for notebooks. The kernel keeps its own rather than calling the
 * library's, because it depends on the library only to preload it.
 */
public final class HtmlText {
    private HtmlText() {}

    public static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
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
