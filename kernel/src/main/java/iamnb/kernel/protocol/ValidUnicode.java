package iamnb.kernel.protocol;

/**
 * Makes text safe to send to a front end: a lone UTF-16 surrogate (half of a pair, as a cell can build with
 * {@code "\uD800"} or by cutting a string between the halves of an emoji) cannot be encoded as UTF-8, and a
 * notebook holding one can no longer be saved. Each is replaced by U+FFFD; well-formed pairs are kept.
 */
final class ValidUnicode {
    static final char REPLACEMENT = '\uFFFD';

    private ValidUnicode() {}

    /** {@code text} with every lone surrogate replaced; the same instance when there is none (the usual case). */
    static String of(String text) {
        int first = firstLoneSurrogate(text);
        if (first < 0) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                clean.append(c).append(text.charAt(++i));
            } else {
                clean.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return clean.toString();
    }

    private static int firstLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else {
                return i;
            }
        }
        return -1;
    }
}
