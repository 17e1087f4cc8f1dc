package iamnb.policy.bench;

import iamnb.policy.AccountSimulator;
import iamnb.policy.Layers;
import iamnb.policy.PolicyEvaluator;
import iamnb.policy.Request;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the policy benchmarks and prints each figure beside its target:
 * {@code mvn -B -q -Diamnb.build=target-policy -pl library -Pbench -DskipTests verify
 * -Dbench.main=iamnb.policy.bench.PolicyBenchmarks}.
 */
public final class PolicyBenchmarks {
    private PolicyBenchmarks() {}

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder().include(PolicyEvaluationBench.class.getName() + "\\..*").build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, String> targets = Map.of(
                "simpleStatement", ">= 1,000,000 evaluations/s single-thread",
                "realisticPrincipal", "(no target; ten policies, conditions, boundary, SCPs)",
                "whoCan20kRoles", "< 1,000 ms");
        System.out.println();
        System.out.printf("%-22s %18s %-10s   %s%n", "benchmark", "measured", "unit", "target");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            double score = r.getPrimaryResult().getScore();
            double error = r.getPrimaryResult().getScoreError();
            System.out.printf("%-22s %,12.0f ± %,5.0f %-10s   %s%n", name, score, Double.isNaN(error) ? 0 : error,
                    r.getPrimaryResult().getScoreUnit(), targets.getOrDefault(name, ""));
        }
        cpuTime(targets);
    }

    /**
     * The same work measured in this thread's CPU time, which other processes on a shared machine do not
     * inflate the way they inflate wall-clock time.
     */
    private static void cpuTime(Map<String, String> targets) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Request simple = BenchFixtures.simpleRequest();
        Layers simpleLayers = BenchFixtures.simpleLayers();
        Request realistic = BenchFixtures.realisticRequest();
        Layers realisticLayers = BenchFixtures.realisticLayers();
        int n = 3_000_000;
        for (int i = 0; i < n; i++) {
            PolicyEvaluator.evaluate(simple, simpleLayers);
            PolicyEvaluator.evaluate(realistic, realisticLayers);
        }
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            PolicyEvaluator.evaluate(simple, simpleLayers);
        }
        long t1 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < n / 4; i++) {
            PolicyEvaluator.evaluate(realistic, realisticLayers);
        }
        long t2 = mx.getCurrentThreadCpuTime();
        AccountSimulator sim = new AccountSimulator(BenchFixtures.syntheticAccount(20_000));
        for (int i = 0; i < 5; i++) {
            sim.whoCan("s3:GetObject", "arn:aws:s3:::data-7/reports/2024.csv");
        }
        long t3 = mx.getCurrentThreadCpuTime();
        int rows = 0;
        for (int i = 0; i < 5; i++) {
            rows = sim.whoCan("s3:GetObject", "arn:aws:s3:::data-7/reports/2024.csv").rowCount();
        }
        long t4 = mx.getCurrentThreadCpuTime();
        System.out.println();
        System.out.println("measured in thread CPU time (not inflated by other load on the machine):");
        System.out.printf("%-22s %,12.0f %-17s %s%n", "simpleStatement", n / ((t1 - t0) / 1e9), "evals/cpu-second",
                targets.get("simpleStatement"));
        System.out.printf("%-22s %,12.0f %-17s %s%n", "realisticPrincipal", (n / 4) / ((t2 - t1) / 1e9), "evals/cpu-second",
                targets.get("realisticPrincipal"));
        System.out.printf("%-22s %,12.0f %-17s %s (%d roles allowed)%n", "whoCan20kRoles", (t4 - t3) / 5 / 1e6, "cpu-ms/call",
                targets.get("whoCan20kRoles"), rows);
    }
}
