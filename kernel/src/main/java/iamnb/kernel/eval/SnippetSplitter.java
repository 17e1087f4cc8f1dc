package iamnb.kernel.eval;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Splits a cell into the snippets JShell evaluates one at a time (declarations, statements, expressions),
 * remembering where each starts in the cell so errors can name cell lines.
 *
 * <p>Uses {@link SourceCodeAnalysis#analyzeCompletion} repeatedly. An incomplete or unparseable rest
 * becomes one last piece, so JShell reports its compile error at the right place.
 */
public final class SnippetSplitter {

    /**
     * One snippet: the {@code source} given to JShell (which may end in an added {@code ;}) and the span
     * {@code [start, start + length)} of the cell it came from.
     */
    public record Piece(String source, int start, int length) {}

    private final SourceCodeAnalysis analysis;

    public SnippetSplitter(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    public List<Piece> split(String cell) {
        List<Piece> pieces = new ArrayList<>();
        int offset = 0;
        String rest = cell;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                break; // only comments and blanks remain
            }
            int consumed = rest.length() - info.remaining().length();
            boolean complete = completeness == Completeness.COMPLETE
                    || completeness == Completeness.COMPLETE_WITH_SEMI;
            if (!complete || consumed <= 0) {
                pieces.add(piece(rest, offset, rest.length()));
                break;
            }
            String source = info.source() != null ? info.source() : rest.substring(0, consumed);
            pieces.add(piece(source, offset, consumed));
            offset += consumed;
            rest = info.remaining();
        }
        return pieces;
    }

    /**
     * Leading blanks are cut off: JShell numbers the lines of a snippet from its first non-blank character
     * (a method after blank lines would otherwise report wrong lines in its stack frames).
     */
    private static Piece piece(String source, int start, int length) {
        int lead = 0;
        while (lead < source.length() && lead < length && Character.isWhitespace(source.charAt(lead))) {
            lead++;
        }
        return new Piece(source.substring(lead), start + lead, length - lead);
    }
}
