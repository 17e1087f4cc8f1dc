package iamnb.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.kernel.protocol.Engine.ExecuteOutcome.Failed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

    @Test
    void compileError_whenProblemOnThirdLine_thenCellLineAndCaretUnderSpan() {
        String cell = "int a = 1;\nint b = 2;\nString s = 42;";
        SnippetSplitter.Piece piece = new SnippetSplitter.Piece("String s = 42;", 22, 14);
        Failed failed = ErrorMapper.compileError(cell, piece, 0,
                List.of(new ErrorMapper.Problem(11, 11, 13, "incompatible types: int cannot be converted to String")));
        assertEquals(ErrorMapper.COMPILE_ERROR, failed.ename());
        assertEquals("incompatible types: int cannot be converted to String (cell line 3)", failed.evalue());
        assertEquals(List.of("cell line 3: error: incompatible types: int cannot be converted to String",
                "    String s = 42;",
                "               ^^"), failed.traceback());
    }

    @Test
    void compileError_whenJShellSyntheticLocation_thenDropped() {
        String cell = "x + 1";
        Failed failed = ErrorMapper.compileError(cell, new SnippetSplitter.Piece(cell, 0, 5), 4,
                List.of(new ErrorMapper.Problem(0, 0, 1, "cannot find symbol\n  symbol:   variable x\n  location: class ")));
        assertEquals(List.of("cell line 5: error: cannot find symbol", "  symbol:   variable x", "    x + 1", "    ^"),
                failed.traceback());
    }

    @Test
    void exception_whenFramesOfSnippets_thenShownAsCellLines() {
        Exception thrown = new IllegalStateException("boom");
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("", "half", "#7", 3),
            new StackTraceElement("", "do_it$", "#9", 2),
            new StackTraceElement("java.util.Objects", "requireNonNull", "Objects.java", 233),
        });
        Map<String, ErrorMapper.Origin> origins = Map.of("7", new ErrorMapper.Origin(2, 1),
                "9", new ErrorMapper.Origin(5, 4));
        Failed failed = ErrorMapper.exception(thrown, id -> Optional.ofNullable(origins.get(id)), 5);
        assertEquals("java.lang.IllegalStateException", failed.ename());
        assertEquals("boom", failed.evalue());
        assertEquals(List.of("java.lang.IllegalStateException: boom",
                "    at half (cell [2] line 3)",
                "    at cell line 5",
                "    at java.util.Objects.requireNonNull(Objects.java:233)"), failed.traceback());
    }

    @Test
    void exception_whenCause_thenCausedBySection() {
        Exception thrown = new RuntimeException("outer", new java.io.IOException("inner"));
        thrown.setStackTrace(new StackTraceElement[0]);
        thrown.getCause().setStackTrace(new StackTraceElement[0]);
        Failed failed = ErrorMapper.exception(thrown, id -> Optional.empty(), 1);
        assertTrue(failed.traceback().contains("Caused by: java.io.IOException: inner"));
    }
}
