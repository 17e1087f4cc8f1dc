package iamnb.kernel.history;

import java.util.Objects;

/** One executed cell: session number, execution count within it, source, and the text/plain result if any. */
public record HistoryEntry(int session, int line, String input, String output) {
    public HistoryEntry {
        Objects.requireNonNull(input, "input");
        if (session < 1 || line < 1) {
            throw new IllegalArgumentException("history entry needs session >= 1 and line >= 1, got "
                    + session + "/" + line);
        }
    }
}
