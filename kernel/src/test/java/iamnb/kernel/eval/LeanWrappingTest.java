package iamnb.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lean wrapping and the REPL class index change how fast a session compiles, never what it means: the same cells
 * give the same values, errors and states with them and with JShell as it is, and completion still offers every
 * declaration.
 * Also here: the compiler's other long-session hygiene (dropped temporaries' class files).
 */
class LeanWrappingTest {
    private static final PrintStream KERNEL = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();
    private static JShellEvaluator lean;
    private static JShellEvaluator plain;

    /** Declarations of every kind that later cells use by simple name, and the ways a name can be reached. */
    private static final List<String> CELLS = List.of(
            "int v1 = 1;",
            "String v2 = \"two\";",
            "int twice(int x) { return 2 * x; }",
            "String twice(String s) { return s + s; }",
            "twice(v1) + twice(v2)",
            "record Point(int x, int y) { Point plus(Point o) { return new Point(x + o.x, y + o.y); } }",
            "enum Colour { RED, GREEN; Colour next() { return values()[(ordinal() + 1) % 2]; } }",
            "interface Shape { double area(); static Shape square(double s) { return () -> s * s; } }",
            "@interface Marker { String value(); }",
            "var p = new Point(1, 2).plus(new Point(v1, v1));",
            "p",
            "Colour.RED.next()",
            "Shape.square(3).area()",
            "java.util.function.IntUnaryOperator op = LeanWrappingTestHelper::twice;",
            "int useLater() { return later() + v1; }",
            "useLater()",
            "int later() { return 40; }",
            "useLater()",
            "int w = 1;",
            "int useW() { return w; }",
            "int w = 100;",
            "useW()",
            "@Marker(\"m\") class Annotated { Point origin = new Point(0, 0); }",
            "new Annotated().origin",
            "<T extends Comparable<T>> T biggest(List<T> xs) { return Collections.max(xs); }",
            "biggest(List.of(v2, \"zz\", \"a\"))",
            "class Box<T> { T item; Box(T t) { item = t; } }",
            "var box = new Box<>(p);",
            "box.item.x()",
            "undefinedName + 1",
            "int v3 = twice(\"x\");",
            "Runnable r = () -> System.out.println(v2 + p);",
            "Colour c = Colour.GREEN; switch (c) { case RED -> v2 = \"red\"; case GREEN -> v2 = \"green\"; }",
            "v2",
            "String.join(\",\", List.of(v2, String.valueOf(v1), String.valueOf(p.x())))",
            "long v1 = 100L;",
            "useLater()",
            "p",
            "class Account { int n = 7; }",
            "new Account().n",
            "var demo = iamnb.Iam.demo();",
            "demo.users().rowCount() > 0",
            "var users = demo.users();",
            "users.columnNames().contains(\"user\")",
            "var anon = new Object() { int hidden = 42; Point at = new Point(4, 5); };",
            "anon.hidden + anon.at.y()",
            "var inter = (Runnable & java.io.Serializable) () -> System.out.print(\"\");",
            "inter.run(); inter instanceof java.io.Serializable",
            "var local = new Object() { Colour c = Colour.RED; }.c;",
            "local.next()",
            // A variable whose type is another snippet's anonymous class, never naming that snippet's variable.
            "var anonCopy = anon;",
            "var anonCopy2 = anonCopy;",
            "anonCopy2.hidden",
            // Unicode escapes are read before names: \u0076\u0031 is v1.
            "\\u0076\\u0031 + 1",
            "int \\u0065scaped() { return (int) v1 + 2; }",
            "escaped()",
            // A name only in a comment or a string is harmless either way.
            "/* twice */ \"useW\" + v1",
            // Overloads declared in different cells, one calling the other.
            "int over(int x) { return x + 1; }",
            "int over(String s) { return s.length(); }",
            "over(\"abc\") + over(1)",
            "int over(int x) { return x + 1000; }",
            "over(\"abc\") + over(1)");

    @BeforeAll
    static void start() {
        lean = evaluator();
        System.setProperty("iamnb.leanWrapping", "off");
        System.setProperty("iamnb.replClassIndex", "off");
        try {
            plain = evaluator();
        } finally {
            System.clearProperty("iamnb.leanWrapping");
            System.clearProperty("iamnb.replClassIndex");
        }
    }

    private static JShellEvaluator evaluator() {
        JShellEvaluator evaluator = new JShellEvaluator(new OutputRouter(KERNEL, KERNEL), KERNEL, KERNEL);
        evaluator.preload(new Preload(List.of("java.util"), List.of(), List.of(), List.of()));
        // A helper class a method reference can name (declared the same way in both sessions).
        run(evaluator, "class LeanWrappingTestHelper { static int twice(int x) { return 2 * x; } }");
        return evaluator;
    }

    @AfterAll
    static void stop() {
        lean.close();
        plain.close();
        TIMER.shutdownNow();
    }

    @Test
    void sameCells_giveTheSameResults_withLeanAndWithJShellsWrapping() {
        assertEquals(-1, plain.importsLeftOut(), "the comparison session wraps as JShell does");
        assertEquals(null, plain.replClassIndexes(), "and purges through javac's own class tables");
        long leftOutBefore = lean.importsLeftOut();
        List<String> withLean = new ArrayList<>();
        List<String> withJShells = new ArrayList<>();

        for (String cell : CELLS) {
            withLean.add(cell + "  =>  " + run(lean, cell));
            withJShells.add(cell + "  =>  " + run(plain, cell));
        }

        assertEquals(String.join("\n", withJShells), String.join("\n", withLean));
        assertTrue(withLean.contains("p  =>  value Point[x=2, y=3]"), String.join("\n", withLean));
        assertTrue(withLean.contains("useLater()  =>  value 41"), "a forward reference resolves later");
        assertTrue(withLean.contains("useW()  =>  value 100"), "a redefined variable reaches its users");
        assertTrue(withLean.contains("box.item.x()  =>  value 2"), String.join("\n", withLean));
        assertTrue(withLean.contains("anon.hidden + anon.at.y()  =>  value 47"), "an anonymous class's members");
        assertTrue(withLean.contains("users.columnNames().contains(\"user\")  =>  value true"),
                "a REPL class named like a library class does not hide the library's: " + withLean);
        assertTrue(withLean.get(CELLS.indexOf("undefinedName + 1")).contains("error"), "an error stays one");
        assertTrue(withLean.contains("anonCopy2.hidden  =>  value 42"), "an anonymous type reached indirectly");
        assertTrue(withLean.contains("escaped()  =>  value 102"), "Unicode escapes: " + withLean);
        assertTrue(withLean.get(withLean.size() - 1).endsWith("value 1004"), "an overload redefined");
        int[] indexes = lean.replClassIndexes();
        assertTrue(indexes != null && indexes[0] >= 2 && indexes[1] > 0, "javac's contexts index their REPL classes");
        assertTrue(lean.importsLeftOut() - leftOutBefore > 300,
                "lean wrapping ran: " + (lean.importsLeftOut() - leftOutBefore) + " import lines left out");
    }

    @Test
    void droppedTemporaries_leaveNoClassFilesBehind() {
        run(lean, "int base = 5;");
        int before = lean.compilerClassFiles();

        for (int i = 0; i < 20; i++) {
            assertEquals("value " + (i + 5), run(lean, "base + " + i));
        }
        assertEquals("value [1]", run(lean, "new java.util.ArrayList<>(List.of(1)) { }"), "an anonymous class");

        assertTrue(before > 0, "JShell's class files are reachable here");
        assertEquals(before, lean.compilerClassFiles(), "the values' temporaries were forgotten");
        assertEquals("value 30", run(lean, "base + 25"), "and later cells still compile and run");
    }

    @Test
    void aGrownClassPath_newJavacContextsAreIndexed_andTheOldOnesLetGo(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws ReflectiveOperationException, InterruptedException {
        run(lean, "int beforeClassPath = 1;");
        java.lang.ref.WeakReference<Object> oldContexts = new java.lang.ref.WeakReference<>(pooledContexts(lean));

        lean.jshell().addToClasspath(dir.toString()); // as %classpath and %maven do: JShell makes a new task pool
        for (int i = 0; i < 5; i++) {
            assertEquals("value " + (i + 2), run(lean, "int afterClassPath" + i + "() { return beforeClassPath + "
                    + (i + 1) + "; }\nafterClassPath" + i + "()"));
        }

        int[] after = lean.replClassIndexes();
        assertTrue(after[0] >= 2 && after[1] >= 5, "the new pool's contexts are indexed: " + after[0] + ", " + after[1]);
        for (int i = 0; i < 20 && oldContexts.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertEquals(null, oldContexts.get(), "the old pool's javac contexts are not kept alive by the kernel");
    }

    /** JShell's pooled javac contexts (JShell.taskFactory.javacTaskPool.options2Contexts), to watch them go. */
    private static Object pooledContexts(JShellEvaluator evaluator) throws ReflectiveOperationException {
        java.lang.reflect.Field taskFactory = jdk.jshell.JShell.class.getDeclaredField("taskFactory");
        taskFactory.setAccessible(true);
        Object factory = taskFactory.get(evaluator.jshell());
        java.lang.reflect.Field pool = factory.getClass().getDeclaredField("javacTaskPool");
        pool.setAccessible(true);
        java.lang.reflect.Field contexts = pool.getType().getDeclaredField("options2Contexts");
        contexts.setAccessible(true);
        return contexts.get(pool.get(factory));
    }

    @Test
    void completion_stillOffersEveryDeclaration() {
        run(lean, "int counterA = 1;");
        run(lean, "int counterB() { return 2; }");

        List<String> matches = lean.complete("coun", 4).matches();

        assertTrue(matches.containsAll(List.of("counterA", "counterB()")), matches.toString());
    }

    private static String run(JShellEvaluator evaluator, String code) {
        evaluator.clearInterrupt();
        CellStreams cell = new CellStreams((name, text) -> { }, TIMER, () -> "");
        EvalResult result = evaluator.evaluate(code, 0, 1, cell);
        cell.flush();
        if (result instanceof EvalResult.Value value) {
            return "value " + value.value();
        }
        if (result instanceof EvalResult.Error error) {
            return "error " + error.failure().ename() + ": " + error.failure().evalue();
        }
        return "no value";
    }
}
