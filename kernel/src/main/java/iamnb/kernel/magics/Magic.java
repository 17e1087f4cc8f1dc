package iamnb.kernel.magics;

/**
 * One IPython-style command: a line magic ({@code %name args}), a cell magic
 * ({@code %%name args} followed by the cell body), or both. Magics are registered explicitly
 * in a {@link MagicRegistry} at start-up and get everything they touch through the
 * {@link MagicContext}, so each can be tested without a kernel.
 */
public interface Magic {

    /** The name without percent signs, e.g. {@code "maven"}. */
    String name();

    /** Whether it is used as {@code %name}, {@code %%name} or both. */
    Kind kind();

    /** One line for %lsmagic, e.g. {@code "group:artifact:version ... — add Maven artifacts"}. */
    String help();

    /**
     * Runs the magic. Problems the user must fix are thrown as {@link MagicException}; the
     * kernel shows them as the cell's error.
     */
    void run(MagicCall call, MagicContext context);

    enum Kind {
        LINE, CELL, LINE_AND_CELL;

        boolean allowsLine() {
            return this != CELL;
        }

        boolean allowsCell() {
            return this != LINE;
        }
    }
}
