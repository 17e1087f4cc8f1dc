package iamnb.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import iamnb.Iam;
import iamnb.Account;
import iamnb.source.SyntheticAccount;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tech.tablesaw.api.Table;

/**
 * Loads a large synthetic account from a snapshot folder and builds its credential report table and the
 * credential report ⋈ users join, printing wall times and heap next to a baseline (Jackson reading gaad.json
 * into a tree and reading the CSV's lines: the parsing floor).
 *
 * <p>Run (sizes default to 5,000 users, 20,000 roles, 3,000 customer policies, 300 groups):
 * <pre>
 * mvn -B -q -Diamnb.build=target-model -pl library test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Xmx1g -cp library/target-model/test-classes:library/target-model/classes:$(cat library/cp.txt) \
 *      iamnb.bench.SnapshotLoadBenchmark [users roles policies groups rounds]
 * </pre>
 * A benchmark, not a test: it asserts nothing and prints figures.
 */
public final class SnapshotLoadBenchmark {
    private SnapshotLoadBenchmark() {}

    public static void main(String[] args) throws IOException {
        int users = arg(args, 0, 5_000);
        int roles = arg(args, 1, 20_000);
        int policies = arg(args, 2, 3_000);
        int groups = arg(args, 3, 300);
        int rounds = arg(args, 4, 5);

        Path dir = Files.createTempDirectory("iamnb-bench");
        long t0 = System.nanoTime();
        var view = SyntheticAccount.generate(users, roles, groups, policies, 42);
        Account generated = new Account(view.snapshot(), view.source());
        generated.save(dir.resolve("snap"));
        generated = null;
        System.out.printf("generated and saved %d users, %d roles, %d customer policies, %d groups in %.1f s; gaad.json %.1f MB, credential-report.csv %.1f MB%n",
                users, roles, policies, groups, (System.nanoTime() - t0) / 1e9,
                Files.size(dir.resolve("snap/gaad.json")) / 1e6, Files.size(dir.resolve("snap/credential-report.csv")) / 1e6);

        List<double[]> ours = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (int round = 0; round < rounds + 1; round++) {
            System.gc();
            resetPeaks();
            long b0 = System.nanoTime();
            var tree = mapper.readTree(dir.resolve("snap/gaad.json").toFile());
            long lines;
            try (Stream<String> l = Files.lines(dir.resolve("snap/credential-report.csv"))) {
                lines = l.count();
            }
            double base = (System.nanoTime() - b0) / 1e6;
            if (tree.size() == 0 || lines == 0) {
                throw new IllegalStateException("empty benchmark input");
            }
            tree = null;

            System.gc();
            resetPeaks();
            long c0 = cpuNanos();
            long s0 = System.nanoTime();
            Account acct = Iam.fromSnapshot(dir.resolve("snap"));
            long s1 = System.nanoTime();
            Table report = acct.credentialReport();
            long s2 = System.nanoTime();
            Table joined = report.joinOn("user").inner(acct.users());
            long s3 = System.nanoTime();
            double cpuMs = (cpuNanos() - c0) / 1e6;
            double peakMb = peakHeapMb();
            if (joined.rowCount() != users) {
                throw new IllegalStateException("join lost rows: " + joined.rowCount());
            }
            if (round > 0) {
                ours.add(new double[] {(s1 - s0) / 1e6, (s2 - s1) / 1e6, (s3 - s2) / 1e6, (s3 - s0) / 1e6, peakMb, cpuMs});
                baseline.add(base);
            }
            System.out.printf("round %d%s: fromSnapshot %.0f ms, credentialReport %.0f ms, join %.0f ms, total %.0f ms"
                            + " (process CPU %.0f ms), peak heap %.0f MB | baseline %.0f ms%n",
                    round, round == 0 ? " (warm-up)" : "", (s1 - s0) / 1e6, (s2 - s1) / 1e6, (s3 - s2) / 1e6,
                    (s3 - s0) / 1e6, cpuMs, peakMb, base);
        }
        ours.sort(Comparator.comparingDouble(r -> r[3]));
        double[] median = ours.get(ours.size() / 2);
        baseline.sort(Comparator.naturalOrder());
        System.out.printf("%nmedian of %d rounds, max heap %d MB, %d cores, load average %.1f:%n", rounds,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("  %-44s %8s%n", "step", "ms");
        System.out.printf("  %-44s %8.0f%n", "fromSnapshot (parse + model)", median[0]);
        System.out.printf("  %-44s %8.0f%n", "credentialReport() table", median[1]);
        System.out.printf("  %-44s %8.0f%n", "credential report ⋈ users", median[2]);
        System.out.printf("  %-44s %8.0f   (target < 2000)%n", "total", median[3]);
        System.out.printf("  %-44s %8.0f   (all threads, GC and JIT included)%n", "process CPU time", median[5]);
        System.out.printf("  %-44s %8.0f   (target < 1024 MB)%n", "peak heap during the load, MB", median[4]);
        System.out.printf("  %-44s %8.0f%n", "baseline: Jackson readTree(gaad.json) + CSV lines", baseline.get(baseline.size() / 2));
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    /** CPU time of the whole process: wall time minus waiting for cores other programs hold. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset: an upper bound of the heap the step needed. */
    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }
}
