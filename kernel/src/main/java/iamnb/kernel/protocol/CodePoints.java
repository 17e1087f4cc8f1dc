package iamnb.kernel.protocol;

/**
 * Cursor positions in the protocol (5.2+) count Unicode code points; Java strings index UTF-16 units.
 */
public final class CodePoints {
    private CodePoints() {}

    /** UTF-16 index of the code point offset {@code cursor}, clamped to the string. */
    public static int toUtf16(String text, int cursor) {
        int clamped = Math.max(0, Math.min(cursor, text.codePointCount(0, text.length())));
        return text.offsetByCodePoints(0, clamped);
    }

    /** Code point offset of the UTF-16 index {@code index}, clamped to the string. */
    public static int fromUtf16(String text, int index) {
        return text.codePointCount(0, Math.max(0, Math.min(index, text.length())));
    }
}
