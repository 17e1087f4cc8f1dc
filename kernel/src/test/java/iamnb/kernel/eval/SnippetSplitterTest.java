package iamnb.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SnippetSplitterTest {
    private static JShell jshell;
    private static SnippetSplitter splitter;

    @BeforeAll
    static void start() {
        jshell = JShell.builder().executionEngine("local").build();
        splitter = new SnippetSplitter(jshell.sourceCodeAnalysis());
    }

    @AfterAll
    static void stop() {
        jshell.close();
    }

    @Test
    void split_whenDeclarationsStatementsAndExpression_thenOnePiecePerSnippet() {
        String cell = "int x = 1;\nvoid f() {\n  x++;\n}\nf();\nx";
        List<SnippetSplitter.Piece> pieces = splitter.split(cell);
        assertEquals(List.of("int x = 1;", "void f() {\n  x++;\n}", "f();", "x"),
                pieces.stream().map(SnippetSplitter.Piece::source).toList());
    }

    @Test
    void split_whenBlankLinesBeforeSnippet_thenStartIsFirstCharacter() {
        String cell = "int a = 1;\n\n\n  int b = 2;";
        SnippetSplitter.Piece second = splitter.split(cell).get(1);
        assertEquals(cell.indexOf("int b"), second.start());
        assertEquals("int b = 2;", second.source());
    }

    @Test
    void split_whenSemicolonMissingAtEnd_thenSourceCompleted() {
        List<SnippetSplitter.Piece> pieces = splitter.split("int y = 3");
        assertEquals(1, pieces.size());
        assertEquals(0, pieces.get(0).start());
    }

    @Test
    void split_whenIncompleteRest_thenItBecomesTheLastPiece() {
        List<SnippetSplitter.Piece> pieces = splitter.split("int ok = 1;\nfor (int i = 0; i < 3; i++) {");
        assertEquals(2, pieces.size());
        assertEquals("for (int i = 0; i < 3; i++) {", pieces.get(1).source());
    }

    @Test
    void split_whenOnlyCommentsAndBlanks_thenNothing() {
        assertEquals(List.of(), splitter.split("  // nothing here\n/* nor here */\n"));
    }
}
