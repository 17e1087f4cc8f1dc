import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * The long-session growth of JShell alone, without the kernel: the same cells as long_session_bench.py (declare
 * a variable, declare a method, show a value; the value's temporary dropped as the kernel does) fed to a bare
 * in-process JShell. If this grows as much as the kernel does, the growth is JShell's, not the kernel's.
 *
 * <pre>
 *   java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 kernel/bench/PlainJShellGrowth.java 600
 *   java --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED kernel/bench/PlainJShellGrowth.java 600   # + source sizes
 * </pre>
 *
 * Prints the p50 time of a cell over the first and the last hundred cells and the heap in use (after a GC)
 * after the first and the last cell. With --add-opens it also sums the wrapped source JShell keeps for every
 * snippet: each wrapper starts with one {@code import static REPL.$JShell$N.name;} per declaration defined so far,
 * so each compilation reads every earlier snippet class, and the kept sources grow with the square of the
 * session's length. Not a test: nothing is asserted.
 *
 * <p>Where the time goes (JDK 17, 600 cells, JFR, {@code kernel/bench/jfr_phases.py} over cells 50-150 and
 * 450-550; 717 and 2,235 main-thread samples, so a cell late in the session costs 3.1x the CPU of an early one):
 * all of it in javac, in each of the three tasks JShell runs per snippet (parse x3.2, analyze x3.4, compile x2.9);
 * class loading, running the snippet and the kernel are ~1 %. By javac phase: entering the imports x9.3 (TypeEnter
 * finishImports, NamedImportScope), finding/listing classes x5.3 (ClassFinder.fillIn over the REPL package of
 * JShell's in-memory file manager), checks x5.4 (Check.checkImportsUnique), reading class files x3.3 (every
 * earlier snippet's class, for its {@code import static}), parsing x3.4 (the wrapper's import lines). The cause:
 * SnippetMaps.packageAndImportsExcept puts one import per defined declaration into every wrapper, so each of the
 * ~9 javac tasks of a 3-snippet cell processes all earlier declarations. The heap in use grows ~0.15 MB a cell
 * (11 to 106 MB after GC), of which ~42 MB are the kept wrapped sources (41.6 M chars at 600 cells). Dropping
 * overwritten snippets does not help here (every declaration is new); JShell has no option that changes the
 * wrapping.
 *
 * <pre>
 *   java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:StartFlightRecording=filename=/tmp/g.jfr,settings=profile \
 *       --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED kernel/bench/PlainJShellGrowth.java 600
 *   /usr/bin/python3 kernel/bench/jfr_phases.py /tmp/g.jfr main T50 T150 T450 T550   # times printed above
 * </pre>
 */
public final class PlainJShellGrowth {
    private PlainJShellGrowth() {}

    public static void main(String[] args) throws Exception {
        int cells = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        java.io.PrintStream out = System.out; // the local engine redirects System.out while snippets run
        try (JShell jshell = JShell.builder().executionEngine("local").build()) {
            jshell.eval("1");
            long[] nanos = new long[cells];
            for (int i = 0; i < cells; i++) {
                long t0 = System.nanoTime();
                jshell.eval("int v" + i + " = " + i + ";");
                jshell.eval("int m" + i + "() { return v" + i + " + 1; }");
                List<SnippetEvent> value = jshell.eval("m" + i + "()");
                jshell.drop(value.get(0).snippet());
                nanos[i] = System.nanoTime() - t0;
                if (i == 50 || i == 150 || i == cells - 150 || i == cells - 50) { // windows for jfr_phases.py
                    out.println("cell " + i + " ended at " + java.time.LocalTime.now());
                }
                if (i == 0 || i == cells - 1) {
                    out.printf("heap in use after cell %d: %.0f MB%n", i + 1, heapInUseMb());
                }
            }
            int window = Math.min(100, cells);
            double first = p50(Arrays.copyOfRange(nanos, 0, window));
            double last = p50(Arrays.copyOfRange(nanos, cells - window, cells));
            out.printf("p50 first %d: %.1f ms, last %d: %.1f ms, ratio %.2f%n", window, first, window, last,
                    last / first);
            out.println(keptSourceSize(jshell));
        }
    }

    private static double heapInUseMb() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / 1e6;
    }

    private static double p50(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    /** The wrapped source JShell keeps per snippet (package-private API, so only with --add-opens). */
    private static String keptSourceSize(JShell jshell) {
        try {
            Method outerWrap = Snippet.class.getDeclaredMethod("outerWrap");
            outerWrap.setAccessible(true);
            Method wrapped = Class.forName("jdk.jshell.OuterWrap").getDeclaredMethod("wrapped");
            wrapped.setAccessible(true);
            long total = 0;
            long largest = 0;
            for (Snippet snippet : jshell.snippets().toList()) {
                Object wrap = outerWrap.invoke(snippet);
                if (wrap != null) {
                    long length = ((String) wrapped.invoke(wrap)).length();
                    total += length;
                    largest = Math.max(largest, length);
                }
            }
            return String.format("wrapped source kept for %d snippets: %.1f M chars (largest %d)",
                    jshell.snippets().count(), total / 1e6, largest);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "wrapped source size: not measured (run with --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED)";
        }
    }
}
