package iamnb.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
                "               ^^"), plain(failed.traceback()));
    }

    @Test
    void compileError_whenJShellSyntheticLocation_thenDropped() {
        String cell = "x + 1";
        Failed failed = ErrorMapper.compileError(cell, new SnippetSplitter.Piece(cell, 0, 5), 4,
                List.of(new ErrorMapper.Problem(0, 0, 1, "cannot find symbol\n  symbol:   variable x\n  location: class ")));
        assertEquals(List.of("cell line 5: error: cannot find symbol", "  symbol:   variable x", "    x + 1", "    ^"),
                plain(failed.traceback()));
    }

    @Test
    void exception_whenFramesOfSnippets_thenShownAsCellLines() {
        Exception thrown = new IllegalStateException("boom");
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("", "half", "#7", 3),
            new StackTraceElement("", "do_it$", "#9", 2),
        });
        Failed failed = ErrorMapper.exception(thrown, ORIGINS, 5);
        assertEquals("java.lang.IllegalStateException", failed.ename());
        assertEquals("boom", failed.evalue());
        assertEquals(List.of("java.lang.IllegalStateException: boom",
                "    at half (cell [2] line 3)",
                "    at cell line 5"), plain(failed.traceback()));
    }

    @Test
    void exception_whenThrownInsideACalledMethod_thenOnlyTheCalledMethodIsShownBelowTheCell() {
        Exception thrown = new IllegalStateException("boom");
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("iamnb.AccountView", "missing", "AccountView.java", 90),
            new StackTraceElement("iamnb.AccountView", "lambda$user$0", "AccountView.java", 40),
            new StackTraceElement("java.util.Optional", "orElseThrow", "Optional.java", 403),
            new StackTraceElement("iamnb.AccountView", "user", "AccountView.java", 40),
            new StackTraceElement("", "do_it$", "#9", 1),
            new StackTraceElement("iamnb.kernel.eval.Trampoline", "run", "Trampoline.java", 40),
        });
        Failed failed = ErrorMapper.exception(thrown, ORIGINS, 5);
        assertEquals(List.of("java.lang.IllegalStateException: boom",
                "    ... 3 frames inside iamnb.AccountView.user hidden",
                "    at iamnb.AccountView.user(AccountView.java:40)",
                "    at cell line 4"), plain(failed.traceback()));
    }

    @Test
    void exception_whenUserMistake_thenMessageAndCellLineOnly() {
        Exception thrown = new IllegalArgumentException("no user named jordan; users are: alice, bob");
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("iamnb.AccountView", "missing", "AccountView.java", 90),
            new StackTraceElement("iamnb.AccountView", "user", "AccountView.java", 40),
            new StackTraceElement("", "do_it$", "#9", 2),
        });
        Failed failed = ErrorMapper.exception(thrown, true, ORIGINS, 5);
        assertEquals("no user named jordan; users are: alice, bob", failed.evalue());
        assertEquals(List.of("java.lang.IllegalArgumentException: no user named jordan; users are: alice, bob",
                "    at cell line 5"), plain(failed.traceback()));
    }

    @Test
    void exception_whenCause_thenCausedBySectionTrimmedTheSameWay() {
        Exception cause = new java.io.IOException("inner");
        cause.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.io.FileInputStream", "open0", "FileInputStream.java", 1),
            new StackTraceElement("java.io.FileInputStream", "open", "FileInputStream.java", 2),
            new StackTraceElement("java.io.FileInputStream", "<init>", "FileInputStream.java", 3),
            new StackTraceElement("", "do_it$", "#9", 1),
        });
        Exception thrown = new RuntimeException("outer", cause);
        thrown.setStackTrace(new StackTraceElement[] {new StackTraceElement("", "do_it$", "#9", 1)});
        Failed failed = ErrorMapper.exception(thrown, ORIGINS, 5);
        assertEquals(List.of("java.lang.RuntimeException: outer",
                "    at cell line 4",
                "Caused by: java.io.IOException: inner",
                "    ... 2 frames inside java.io.FileInputStream.<init> hidden",
                "    at java.io.FileInputStream.<init>(FileInputStream.java:3)",
                "    at cell line 4"), plain(failed.traceback()));
    }

    @Test
    void exception_whenNoCellFrame_thenEveryFrameIsKept() {
        Exception thrown = new IllegalStateException("from a magic");
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("iamnb.kernel.magics.X", "run", "X.java", 1),
            new StackTraceElement("iamnb.kernel.JavaEngine", "run", "JavaEngine.java", 2),
        });
        assertEquals(3, ErrorMapper.exception(thrown, id -> Optional.empty(), 1).traceback().size());
    }

    @Test
    void exception_colouredLikeIPython_nameInBoldRedCellLinesInGreen_evalueplain() {
        Exception thrown = new IllegalStateException("boom");
        thrown.setStackTrace(new StackTraceElement[] {new StackTraceElement("", "do_it$", "#9", 1)});
        Failed failed = ErrorMapper.exception(thrown, ORIGINS, 5);
        assertEquals(List.of("\u001b[1;31mjava.lang.IllegalStateException\u001b[0m: boom",
                "    at \u001b[32mcell line 4\u001b[0m"), failed.traceback());
        assertEquals("boom", failed.evalue());
    }

    @Test
    void isUserMistake_whenInvalidInputOrSubclass_thenTrue() {
        class Refused extends iamnb.InvalidInputException {
            Refused() {
                super("bad");
            }
        }
        assertTrue(ErrorMapper.isUserMistake(new iamnb.InvalidInputException("bad")));
        assertTrue(ErrorMapper.isUserMistake(new Refused()));
        assertFalse(ErrorMapper.isUserMistake(new IllegalArgumentException("bad")));
        assertFalse(ErrorMapper.isUserMistake(null));
    }

    private static final Map<String, ErrorMapper.Origin> ORIGIN_TABLE = Map.of("7", new ErrorMapper.Origin(2, 1),
            "9", new ErrorMapper.Origin(5, 4));
    private static final java.util.function.Function<String, Optional<ErrorMapper.Origin>> ORIGINS =
            id -> Optional.ofNullable(ORIGIN_TABLE.get(id));

    /** The traceback without its ANSI colours. */
    static List<String> plain(List<String> traceback) {
        return traceback.stream().map(line -> line.replaceAll("\u001b\\[[0-9;]*m", "")).toList();
    }
}
