// The floor under the kernel's per-cell time: JShell's own in-process eval of `1+1` (snippets dropped after
// each eval, as the kernel drops its temporaries), after the kernel's imports and 100 warm-up evals.
//   javac -d /tmp/pb -cp kernel/target/iamnb-kernel.jar kernel/bench/EvalBench.java
//   java -XX:+UseSerialGC -Xms128m -XX:TieredStopAtLevel=1 -cp kernel/target/iamnb-kernel.jar:/tmp/pb EvalBench
import jdk.jshell.JShell;
import java.util.Arrays;

/** JShell's own in-process eval time for `1+1`: the floor a kernel adds to. */
public class EvalBench {
    public static void main(String[] args) {
        JShell js = JShell.builder().executionEngine("local").build();
        js.eval(iamnb.kernel.eval.Preload.fromEnvironment(java.util.Map.of()).importSnippet(EvalBench.class.getClassLoader()));
        for (int i = 0; i < 100; i++) js.eval("1+1").forEach(e -> js.drop(e.snippet()));
        long[] t = new long[200];
        for (int i = 0; i < t.length; i++) {
            long s = System.nanoTime();
            var events = js.eval("1+1");
            t[i] = System.nanoTime() - s;
            events.forEach(e -> js.drop(e.snippet()));
        }
        Arrays.sort(t);
        System.out.printf("jshell eval 1+1: p50 %.2f ms, p95 %.2f ms%n", t[100] / 1e6, t[190] / 1e6);
    }
}
