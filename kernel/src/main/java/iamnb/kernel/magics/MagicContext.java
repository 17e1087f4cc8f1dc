package iamnb.kernel.magics;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * What magics may do to the session. The kernel implements it over its JShell evaluator and
 * the running cell's output; tests implement it with plain recorders.
 */
public interface MagicContext {

    /**
     * Runs Java code as if it were (part of) the cell: its output is the cell's, its final
     * expression is shown, its errors are reported. Interrupting the cell stops it. Line 1 of
     * {@code javaCode} is the magic's own line (so a cell magic's body starts with a newline).
     * Returns false when the code failed; the kernel reports the first failure as the cell's
     * error.
     */
    boolean eval(String javaCode);

    /** Adds a jar or class directory to the session's class path (JShell.addToClasspath). */
    void addToClasspath(Path entry);

    /** True once the running cell has been interrupted: long-running magics check it and give up. */
    default boolean interrupted() {
        return false;
    }

    /** The session's variables, in declaration order. */
    List<Variable> variables();

    /** Shows a value in the cell's output, through the same renderers as a cell's result. */
    void display(Object value);

    /** The running cell's stdout. */
    PrintStream out();

    /** The running cell's stderr. */
    PrintStream err();

    /** The directory relative paths are resolved against (the kernel's working directory). */
    default Path workingDirectory() {
        return Path.of("").toAbsolutePath();
    }

    /** One session variable: name, declared type and a short form of its value. */
    record Variable(String name, String type, String value) {}
}
