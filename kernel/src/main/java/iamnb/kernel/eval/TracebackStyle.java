package iamnb.kernel.eval;

/**
 * The ANSI colours of a traceback, as IPython uses them: the exception's name in bold red, references to cell
 * lines in green. Front ends render them (the notebook and nbconvert turn them into coloured spans, a terminal
 * shows them as is), so an error stands apart from the cell's output. Only the {@code traceback} list is
 * coloured; {@code evalue} stays plain text for programs that read it.
 */
final class TracebackStyle {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD_RED = "\u001b[1;31m";
    private static final String GREEN = "\u001b[32m";

    private TracebackStyle() {}

    /** An exception's class name (or an error kind such as {@code CompilationError}). */
    static String name(String ename) {
        return BOLD_RED + ename + RESET;
    }

    /** A place in the notebook: {@code cell line 3}, {@code cell [2] line 5}. */
    static String place(String where) {
        return GREEN + where + RESET;
    }
}
