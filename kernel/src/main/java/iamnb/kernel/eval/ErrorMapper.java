package iamnb.kernel.eval;

import iamnb.kernel.protocol.Engine.ExecuteOutcome.Failed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import jdk.jshell.EvalException;

/**
 * Turns JShell's compile diagnostics and user exceptions into errors that speak of the cell's own lines.
 *
 * <p>Pure functions over plain values, so they are tested without JShell: a diagnostic is a
 * {@link Problem} with positions relative to the snippet's source; an exception frame of snippet code has
 * file name {@code #<snippet id>} and a line relative to the snippet, which {@link Origin} maps back to the
 * cell (the current one, or the earlier cell that defined a method).
 */
public final class ErrorMapper {
    public static final String COMPILE_ERROR = "CompilationError";
    public static final String INTERRUPTED = "Interrupted";

    private ErrorMapper() {}

    /** A compile diagnostic; positions are offsets into the snippet source, -1 when unknown. */
    public record Problem(long start, long position, long end, String message) {}

    /** Where a snippet came from: the execution count of its cell and the cell line it starts on. */
    public record Origin(int executionCount, int firstLine) {}

    /** A compile error: each problem with the cell line, the offending line and a caret under the span. */
    public static Failed compileError(String cell, SnippetSplitter.Piece piece, int lineOffset,
            List<Problem> problems) {
        CellText text = new CellText(cell);
        List<String> traceback = new ArrayList<>();
        String first = null;
        for (Problem p : problems) {
            int at = piece.start() + (int) Math.min(Math.max(p.position(), 0), Math.max(piece.length() - 1, 0));
            int from = piece.start() + (int) Math.min(Math.max(p.start() < 0 ? p.position() : p.start(), 0),
                    Math.max(piece.length() - 1, 0));
            int to = piece.start() + (int) Math.min(Math.max(p.end(), p.position() + 1), piece.length());
            int line = text.lineOf(at) + lineOffset;
            int lineStart = text.lineStart(at);
            int lineEnd = text.lineEnd(at);
            from = Math.max(from, lineStart);
            to = Math.max(Math.min(to, lineEnd), from + 1);
            String[] message = p.message().split("\n", 2);
            if (first == null) {
                first = message[0] + " (cell line " + line + ")";
            }
            traceback.add("cell line " + line + ": error: " + message[0]);
            if (message.length > 1) {
                // JShell wraps snippets in a synthetic class: "location: class " names nothing the user wrote.
                String detail = message[1].replaceAll("(?m)^\\s*location: class\\s*$\\n?", "").stripTrailing();
                if (!detail.isBlank()) {
                    traceback.add(detail);
                }
            }
            traceback.add("    " + cell.substring(lineStart, lineEnd));
            traceback.add("    " + " ".repeat(Math.max(0, from - lineStart)) + "^".repeat(Math.max(1, to - from)));
        }
        if (first == null) {
            first = "the snippet was rejected (cell line " + (text.lineOf(piece.start()) + lineOffset) + ")";
            traceback.add(first);
        }
        return new Failed(COMPILE_ERROR, first, List.copyOf(traceback));
    }

    /** A user exception with frames of snippet code shown as cell lines. */
    public static Failed exception(Throwable thrown, Function<String, Optional<Origin>> origins, int currentCell) {
        List<String> traceback = new ArrayList<>();
        String ename = exceptionClass(thrown);
        String evalue = thrown.getMessage() == null ? "" : thrown.getMessage();
        String prefix = "";
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            traceback.add(prefix + exceptionClass(t) + (message == null ? "" : ": " + message));
            for (StackTraceElement frame : t.getStackTrace()) {
                traceback.add("    at " + frame(frame, origins, currentCell));
            }
            prefix = "Caused by: ";
        }
        return new Failed(ename, evalue, List.copyOf(traceback));
    }

    public static Failed interrupted() {
        String message = "the cell was interrupted; variables defined before it are kept";
        return new Failed(INTERRUPTED, message, List.of(INTERRUPTED + ": " + message));
    }

    /** A problem of the kernel or a magic rather than of user code: the message is the whole story. */
    public static Failed usage(String ename, String message) {
        return new Failed(ename, message, List.of(ename + ": " + message));
    }

    static String frame(StackTraceElement frame, Function<String, Optional<Origin>> origins, int currentCell) {
        String file = frame.getFileName();
        Optional<Origin> origin = file != null && file.startsWith("#")
                ? origins.apply(file.substring(1)) : Optional.empty();
        if (origin.isEmpty()) {
            return frame.toString();
        }
        int line = origin.get().firstLine() + Math.max(frame.getLineNumber(), 1) - 1;
        String where = origin.get().executionCount() == currentCell
                ? "cell line " + line
                : "cell [" + origin.get().executionCount() + "] line " + line;
        String method = frame.getMethodName();
        if (method.isEmpty() || method.equals("do_it$")) {
            return where;
        }
        String className = frame.getClassName();
        String owner = className.isEmpty() || className.startsWith("REPL.") || className.startsWith("$JShell")
                ? "" : className.substring(className.lastIndexOf('.') + 1) + ".";
        return owner + method + " (" + where + ")";
    }

    private static String exceptionClass(Throwable t) {
        if (t instanceof EvalException e && e.getExceptionClassName() != null) {
            return e.getExceptionClassName();
        }
        return t.getClass().getName();
    }
}
