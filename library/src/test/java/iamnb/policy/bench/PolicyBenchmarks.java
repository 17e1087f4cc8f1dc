package iamnb.policy.bench;

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
    }
}
