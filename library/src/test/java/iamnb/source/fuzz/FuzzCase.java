package iamnb.source.fuzz;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One mutation of a snapshot folder.
 *
 * @param kind what was broken, for the summary ("truncation", "bad date", …)
 * @param base which folder was mutated ("demo", "small")
 * @param target the file broken (the name every error must mention), with a note on how
 * @param mutate edits a fresh copy of the base folder
 * @param wholeFile whether the file as a whole is at fault (empty, too large, a link loop), so naming the file is
 *     the place; otherwise the error must also name a line, JSON path, column or byte
 */
record FuzzCase(String kind, String base, String target, Mutation mutate, boolean wholeFile) {
    interface Mutation {
        void apply(Path dir) throws IOException;
    }

    /** The file's relative name, without the note after it. */
    String file() {
        int space = target.indexOf(' ');
        return space < 0 ? target : target.substring(0, space);
    }
}
