package iamnb.kernel.display;

/** Text for any value, guarded so that a throwing {@code toString()} still yields something readable. */
final class PlainText {
    private PlainText() {}

    /** Longest text/plain we send for one value; beyond it the front end would choke. */
    static final int MAX_CHARS = 200_000;

    static String of(Object value) {
        String text;
        try {
            text = Displayer.plainText(value);
        } catch (RuntimeException | LinkageError e) {
            text = value.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(value))
                    + " (toString() threw " + e.getClass().getName() + ")";
        }
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS) + "… (" + (text.length() - MAX_CHARS) + " more characters)";
        }
        return text;
    }
}
