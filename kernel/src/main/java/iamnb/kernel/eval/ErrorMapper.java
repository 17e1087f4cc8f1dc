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
    private static final String INVALID_INPUT = "iamnb.InvalidInputException";

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
            traceback.add(TracebackStyle.place("cell line " + line) + ": " + TracebackStyle.name("error") + ": "
                    + message[0]);
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
            traceback.add(TracebackStyle.name(COMPILE_ERROR) + ": " + first);
        }
        return new Failed(COMPILE_ERROR, first, List.copyOf(traceback));
    }

    /**
     * A user exception, shown as Java prints it but with frames of snippet code as cell lines, and trimmed to
     * what the user wrote and called: below the first cell frame (the deepest), only the frame of the method
     * the cell called remains (the library's or the JDK's entry point; what it called in turn is counted, not
     * listed), and nothing above the last cell frame (the kernel's machinery). Each cause is trimmed the same way.
     * A throwable with no cell frame at all (thrown by a magic, say) keeps every frame.
     */
    public static Failed exception(Throwable thrown, Function<String, Optional<Origin>> origins, int currentCell) {
        return exception(thrown, isUserMistake(thrown), origins, currentCell);
    }

    /**
     * As {@link #exception(Throwable, Function, int)}; a {@code userMistake} (an invalid input the library
     * refused, whose message says everything) is shown as its message and the cell lines only.
     */
    public static Failed exception(Throwable thrown, boolean userMistake, Function<String, Optional<Origin>> origins,
            int currentCell) {
        List<String> traceback = new ArrayList<>();
        String ename = exceptionClass(thrown);
        String evalue = thrown.getMessage() == null ? "" : thrown.getMessage();
        if (userMistake) {
            traceback.add(TracebackStyle.name(ename) + (evalue.isEmpty() ? "" : ": " + evalue));
            for (StackTraceElement frame : thrown.getStackTrace()) {
                if (isCellFrame(frame, origins)) {
                    traceback.add("    at " + frame(frame, origins, currentCell));
                }
            }
            return new Failed(ename, evalue, List.copyOf(traceback));
        }
        String prefix = "";
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            traceback.add(prefix + TracebackStyle.name(exceptionClass(t)) + (message == null ? "" : ": " + message));
            traceback.addAll(frames(t.getStackTrace(), origins, currentCell));
            prefix = "Caused by: ";
        }
        return new Failed(ename, evalue, List.copyOf(traceback));
    }

    /**
     * True for {@code iamnb.InvalidInputException} and its subclasses: the library refused what the user gave it
     * and its message names the problem and the place. Matched by name, so that it holds whichever class loader
     * loaded the library.
     */
    public static boolean isUserMistake(Throwable live) {
        for (Class<?> c = live == null ? null : live.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(INVALID_INPUT)) {
                return true;
            }
        }
        return false;
    }

    /** The lines of one throwable's frames, trimmed as {@link #exception} describes. */
    private static List<String> frames(StackTraceElement[] stack, Function<String, Optional<Origin>> origins,
            int currentCell) {
        int firstCell = -1;
        int lastCell = -1;
        for (int i = 0; i < stack.length; i++) {
            if (isCellFrame(stack[i], origins)) {
                firstCell = firstCell < 0 ? i : firstCell;
                lastCell = i;
            }
        }
        List<String> lines = new ArrayList<>();
        if (firstCell < 0) {
            for (StackTraceElement frame : stack) {
                lines.add("    at " + frame);
            }
            return lines;
        }
        int entry = firstCell - 1; // the method the cell called
        if (entry > 0) {
            lines.add("    ... " + entry + (entry == 1 ? " frame" : " frames") + " inside "
                    + stack[entry].getClassName() + "." + stack[entry].getMethodName() + " hidden");
        }
        for (int i = Math.max(entry, 0); i <= lastCell; i++) {
            lines.add("    at " + frame(stack[i], origins, currentCell));
        }
        return lines;
    }

    private static boolean isCellFrame(StackTraceElement frame, Function<String, Optional<Origin>> origins) {
        String file = frame.getFileName();
        return file != null && file.startsWith("#") && origins.apply(file.substring(1)).isPresent();
    }

    public static Failed interrupted() {
        String message = "the cell was interrupted; variables defined before it are kept";
        return new Failed(INTERRUPTED, message, List.of(TracebackStyle.name(INTERRUPTED) + ": " + message));
    }

    /** A problem of the kernel or a magic rather than of user code: the message is the whole story. */
    public static Failed usage(String ename, String message) {
        return new Failed(ename, message, List.of(TracebackStyle.name(ename) + ": " + message));
    }

    static String frame(StackTraceElement frame, Function<String, Optional<Origin>> origins, int currentCell) {
        String file = frame.getFileName();
        Optional<Origin> origin = file != null && file.startsWith("#")
                ? origins.apply(file.substring(1)) : Optional.empty();
        if (origin.isEmpty()) {
            return frame.toString();
        }
        int line = origin.get().firstLine() + Math.max(frame.getLineNumber(), 1) - 1;
        String where = TracebackStyle.place(origin.get().executionCount() == currentCell
                ? "cell line " + line
                : "cell [" + origin.get().executionCount() + "] line " + line);
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
