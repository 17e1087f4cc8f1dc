package iamnb.kernel.magics;

/** Turning text into Java source, for magics that run their work as a snippet. */
final class JavaText {
    private JavaText() {}

    /** javac rejects string constants longer than this (UTF-8 bytes, 65535; we stay well under). */
    private static final int MAX_LITERAL = 60_000;

    /** A Java string literal holding {@code text} exactly. */
    static String literal(String text) {
        if (text.length() > MAX_LITERAL) {
            throw new MagicException("cell body too long (" + text.length() + " characters, at most "
                    + MAX_LITERAL + "); put it in a file and run that instead");
        }
        var out = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String stringArray(java.util.List<String> items) {
        var out = new StringBuilder("new String[] {");
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(literal(items.get(i)));
        }
        return out.append('}').toString();
    }
}
