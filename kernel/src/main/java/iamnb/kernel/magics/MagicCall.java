package iamnb.kernel.magics;

import java.util.Objects;

/**
 * One use of a magic in a cell: {@code %name args} (a line magic, {@code body} empty) or
 * {@code %%name args} with the rest of the cell as {@code body}. {@code line} is the 1-based
 * cell line the magic sits on, for error messages.
 */
public record MagicCall(String name, boolean cell, String args, String body, int line) {

    public MagicCall {
        Objects.requireNonNull(name, "name");
        args = args == null ? "" : args.strip();
        body = body == null ? "" : body;
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, was " + line);
        }
    }

    /** How it was written: {@code %name} or {@code %%name}. */
    public String spelled() {
        return (cell ? "%%" : "%") + name;
    }

    /** The arguments split on white space. */
    public java.util.List<String> argList() {
        return args.isEmpty() ? java.util.List.of() : java.util.List.of(args.split("\\s+"));
    }
}
