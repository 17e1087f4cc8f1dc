// What JShell's start costs, phase by phase: building JShell, the kernel's merged import snippet (java.util,
// java.time, Tablesaw, the iamnb library, the notebook API), an optional warm-up snippet, then the first `1+1` and
// a second cell. Run each mode in a fresh JVM, with the launcher's flags:
//   javac -d /tmp/pb -cp kernel/target/iamnb-kernel.jar kernel/bench/PreloadBench.java
//   java -jar kernel/target/iamnb-kernel.jar --unpack-classes      # the class folder install.sh makes
//   for i in 1 2 3; do for m in without with; do
//     java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp kernel/target/iamnb-kernel.jar:/tmp/pb PreloadBench $m; done; done
// Options after the mode:
//   --class-folder kernel/target/iamnb-kernel.classes   the compiler reads that folder instead of the jar, as the
//                                                       kernel does (CompileClassFolder)
//   --warm-up 'SNIPPET'                                 run SNIPPET after the imports (the kernel's warm-up)
import jdk.jshell.JShell;
import java.nio.file.Path;
import java.util.Optional;

/** Time from building JShell to the first `1+1` result, with or without the preload, class folder, warm-up. */
public class PreloadBench {
    public static void main(String[] args) {
        boolean preload = args[0].equals("with");
        Optional<Path> folder = Optional.empty();
        String warmUp = null;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--class-folder" -> folder = Optional.of(Path.of(args[i + 1]).toAbsolutePath());
                case "--warm-up" -> warmUp = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long[] t = new long[4];
        String warm = warmUp;
        t[0] = System.nanoTime();
        JShell js = iamnb.kernel.eval.CompileClassFolder.asCompileClassPath(folder, () -> {
            JShell built = JShell.builder().executionEngine("local").build();
            t[1] = System.nanoTime();
            if (preload) {
                built.eval(iamnb.kernel.eval.Preload.fromEnvironment(java.util.Map.of())
                        .importSnippet(PreloadBench.class.getClassLoader()));
            }
            t[2] = System.nanoTime();
            if (warm != null) {
                built.eval(warm);
            }
            t[3] = System.nanoTime();
            return built;
        });
        var r = js.eval("1+1");
        long first = System.nanoTime();
        js.eval("var xs = List.of(3, 4).stream().map(i -> i * 2).toList()");
        long second = System.nanoTime();
        System.out.printf("%s%s%s jshell-build=%d imports=%d warm-up=%d first-cell=%d second-cell=%d "
                        + "total-to-first=%d value=%s%n", args[0], folder.isPresent() ? " class-folder" : "",
                warm != null ? " warm-up" : "", ms(t[0], t[1]), ms(t[1], t[2]), ms(t[2], t[3]), ms(t[3], first),
                ms(first, second), ms(t[0], first), r.get(0).value());
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
