package iamnb.policy.bench;

import iamnb.Account;
import iamnb.policy.AccountSimulator;
import iamnb.policy.Decision;
import iamnb.policy.Layers;
import iamnb.policy.PolicyEvaluator;
import iamnb.policy.Request;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import tech.tablesaw.api.Table;

/**
 * Single-thread evaluation throughput (a simple statement; a realistic principal with ten attached policies,
 * conditions, a boundary and SCP levels) and whoCan over a synthetic 20,000-role account.
 * Run with {@link PolicyBenchmarks#main}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class PolicyEvaluationBench {

    @State(Scope.Benchmark)
    public static class Evaluation {
        Request simpleRequest;
        Layers simpleLayers;
        Request realisticRequest;
        Layers realisticLayers;

        @Setup(Level.Trial)
        public void setUp() {
            simpleRequest = BenchFixtures.simpleRequest();
            simpleLayers = BenchFixtures.simpleLayers();
            realisticRequest = BenchFixtures.realisticRequest();
            realisticLayers = BenchFixtures.realisticLayers();
            check(PolicyEvaluator.evaluate(simpleRequest, simpleLayers), true);
            check(PolicyEvaluator.evaluate(realisticRequest, realisticLayers), true);
        }
    }

    @State(Scope.Benchmark)
    public static class WhoCan {
        AccountSimulator simulator;

        @Setup(Level.Trial)
        public void setUp() {
            Account account = BenchFixtures.syntheticAccount(20_000);
            simulator = new AccountSimulator(account);
        }
    }

    private static void check(Decision d, boolean allowed) {
        if (d.allowed() != allowed) {
            throw new IllegalStateException("benchmark fixture is wrong:\n" + d.explain());
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Decision simpleStatement(Evaluation s) {
        return PolicyEvaluator.evaluate(s.simpleRequest, s.simpleLayers);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Decision realisticPrincipal(Evaluation s) {
        return PolicyEvaluator.evaluate(s.realisticRequest, s.realisticLayers);
    }

    /** whoCan over 20,000 roles, first call included in warm-up; the table holds the allowed roles. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Table whoCan20kRoles(WhoCan s) {
        return s.simulator.whoCan("s3:GetObject", "arn:aws:s3:::data-7/reports/2024.csv");
    }
}
