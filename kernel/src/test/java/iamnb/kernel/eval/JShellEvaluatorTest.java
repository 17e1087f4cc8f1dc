package iamnb.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The evaluator on a real in-process JShell (the JDK running the tests). */
class JShellEvaluatorTest {
    private static final PrintStream KERNEL = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();
    private static JShellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new JShellEvaluator(new OutputRouter(KERNEL, KERNEL), KERNEL, KERNEL);
        evaluator.preload(new Preload(List.of("java.util", "no.such.pkg"), List.of(), List.of(), List.of()));
    }

    @AfterAll
    static void stop() {
        evaluator.close();
        TIMER.shutdownNow();
    }

    private static final List<String> STDERR = new CopyOnWriteArrayList<>();

    private static CellStreams cell() {
        return new CellStreams((name, text) -> {
            if (name.equals("stderr")) {
                STDERR.add(text);
            }
        }, TIMER, () -> "");
    }

    private static EvalResult run(String code) {
        evaluator.clearInterrupt();
        CellStreams cell = cell();
        EvalResult result = evaluator.evaluate(code, 0, 7, cell);
        cell.flush();
        return result;
    }

    @Test
    void evaluate_whenCellEndsInExpression_thenLiveValue() {
        EvalResult result = run("var list = new ArrayList<String>();\nlist.add(\"a\");\nlist");
        Object value = assertInstanceOf(EvalResult.Value.class, result).value();
        assertEquals(List.of("a"), value, "the live object, not its string form");
    }

    @Test
    void evaluate_whenExpressionIsNull_thenValueNull() {
        assertEquals(new EvalResult.Value(null), run("String nothing = null;\nnothing"));
    }

    @Test
    void evaluate_whenOnlyDeclarationsOrStatements_thenNoValue() {
        assertInstanceOf(EvalResult.NoValue.class, run("int declared = 3;"));
        assertInstanceOf(EvalResult.NoValue.class, run("declared++;"));
    }

    @Test
    void preload_whenAPackageIsMissing_thenTheOthersAreStillImported() {
        assertEquals(new EvalResult.Value(1), run("new ArrayList<>(List.of(1)).get(0)"));
    }

    @Test
    void evaluate_whenExceptionOnThirdLine_thenErrorNamesCellLine() {
        EvalResult.Error error = assertInstanceOf(EvalResult.Error.class,
                run("int one = 1;\n\nthrow new IllegalArgumentException(\"bad input\");"));
        assertEquals("java.lang.IllegalArgumentException", error.failure().ename());
        assertTrue(ErrorMapperTest.plain(error.failure().traceback()).contains("    at cell line 3"),
                error.failure().traceback().toString());
    }

    @Test
    void evaluate_whenCompileError_thenCaretUnderIt() {
        EvalResult.Error error = assertInstanceOf(EvalResult.Error.class, run("int fine = 1;\nint bad = \"text\";"));
        assertEquals(ErrorMapper.COMPILE_ERROR, error.failure().ename());
        assertTrue(error.failure().evalue().endsWith("(cell line 2)"));
        assertTrue(error.failure().traceback().contains("              ^^^^^^"), error.failure().traceback().toString());
    }

    @Test
    void evaluate_whenExpressions_thenNoTemporariesAccumulate() {
        run("1 + 1");
        long before = evaluator.jshell().snippets().filter(s -> evaluator.jshell().status(s).isActive()).count();
        for (int i = 0; i < 5; i++) {
            run("2 + " + i);
        }
        long after = evaluator.jshell().snippets().filter(s -> evaluator.jshell().status(s).isActive()).count();
        assertEquals(before, after, "temporaries ($N) must be dropped, they slow every later compilation");
    }

    @Test
    void evaluate_whenMethodUsesUndeclaredName_thenNoteOnStderr() {
        STDERR.clear();
        assertInstanceOf(EvalResult.NoValue.class, run("void later() { notYetDeclared(); }"));
        assertTrue(String.join("", STDERR).contains("notYetDeclared"), STDERR.toString());
    }

    @Test
    void interrupt_whenTightLoopRuns_thenStoppedAndStateKept() throws Exception {
        run("int kept = 41;");
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            evaluator.interrupt();
        }, "iamnb-test-stopper");
        stopper.start();
        EvalResult.Error error = assertInstanceOf(EvalResult.Error.class, run("while (true) {}"));
        stopper.join();
        assertEquals(ErrorMapper.INTERRUPTED, error.failure().ename());
        assertEquals(new EvalResult.Value(42), run("kept + 1"));
    }

    @Test
    void inspect_whenWholeTextIsTypeOrMethodName_thenSignatureFound() {
        // How a `String?` / `?List.of` cell looks a name up for the pager.
        var type = evaluator.inspect("String", "String".length());
        assertTrue(type.isPresent(), "a type name is documented");
        assertTrue(type.get().plain().contains("java.lang.String"), type.get().plain());
        var method = evaluator.inspect("List.of", "List.of".length());
        assertTrue(method.isPresent(), "a method name without '(' is documented");
        assertTrue(method.get().plain().contains("of("), method.get().plain());
        assertTrue(evaluator.inspect("noSuchThingAnywhere", "noSuchThingAnywhere".length()).isEmpty());
    }

    @Test
    void complete_whenCursorOnSecondLine_thenStartInCellCoordinates() {
        run("int zebraCount = 1;");
        String code = "int a = 1;\nzebraC";
        var completion = evaluator.complete(code, code.length());
        assertTrue(completion.matches().contains("zebraCount"), completion.matches().toString());
        assertEquals(code.indexOf("zebraC"), completion.start());
    }

    @Test
    void isComplete_whenOpenBlock_thenIncompleteWithIndent() {
        assertEquals(iamnb.kernel.protocol.IsCompleteStatus.INCOMPLETE, evaluator.isComplete("if (true) {").status());
        assertEquals("    ", evaluator.isComplete("if (true) {").indent());
        assertEquals(iamnb.kernel.protocol.IsCompleteStatus.COMPLETE, evaluator.isComplete("int q = 1;\nq").status());
        assertEquals(iamnb.kernel.protocol.IsCompleteStatus.INVALID, evaluator.isComplete("int q = ;").status());
    }
}
