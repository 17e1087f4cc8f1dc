// What the preloaded imports cost at start-up: time from building JShell to the first `1+1` result, with and
// without the kernel's merged import snippet (java.util, java.time, Tablesaw, the iamnb library, the notebook
// API). Run each mode in a fresh JVM, with the launcher's flags:
//   javac -d /tmp/pb -cp kernel/target/iamnb-kernel.jar kernel/bench/PreloadBench.java
//   for i in 1 2 3 4 5; do for m in without with; do
//     java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp kernel/target/iamnb-kernel.jar:/tmp/pb PreloadBench $m; done; done
import jdk.jshell.JShell;
import java.util.List;

/** Time from JVM start to the first `1+1` result, with or without the kernel's import snippet first. */
public class PreloadBench {
    public static void main(String[] args) {
        boolean preload = args[0].equals("with");
        long t0 = System.nanoTime();
        JShell js = JShell.builder().executionEngine("local").build();
        long built = System.nanoTime();
        if (preload) {
            String imports = iamnb.kernel.eval.Preload.fromEnvironment(java.util.Map.of())
                    .importSnippet(PreloadBench.class.getClassLoader());
            js.eval(imports);
        }
        long imported = System.nanoTime();
        var r = js.eval("1+1");
        long done = System.nanoTime();
        long jvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.printf("%s jshell-build=%d imports=%d first-cell=%d total-since-jshell=%d value=%s%n", args[0],
                (built - t0) / 1_000_000, (imported - built) / 1_000_000, (done - imported) / 1_000_000,
                (done - t0) / 1_000_000, r.get(0).value());
    }
}
