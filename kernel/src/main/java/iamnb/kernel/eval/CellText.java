package iamnb.kernel.eval;

/** Line arithmetic over a cell's text: 1-based line numbers, line contents, columns. */
record CellText(String text) {

    /** 1-based line of the UTF-16 offset. */
    int lineOf(int offset) {
        int line = 1;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    int lineStart(int offset) {
        int start = text.lastIndexOf('\n', Math.min(offset, text.length()) - 1);
        return start + 1;
    }

    int lineEnd(int offset) {
        int end = text.indexOf('\n', Math.min(offset, text.length()));
        return end < 0 ? text.length() : end;
    }
}
