package iamnb.bench;

import iamnb.Org;
import iamnb.org.OrgAudit;
import iamnb.org.RolePaths;
import iamnb.org.TrustGraph;
import iamnb.source.OrgSnapshotFolder;
import iamnb.source.SyntheticOrganization;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * The organization figures of issue 13, on an organization snapshot folder: {@code org.audit().all()} streamed over
 * every member, then {@code trustGraph()} and {@code pathsToAdmin} in a fresh {@link Org} (so the graph pass reads
 * every member from disk again). Prints wall time, CPU time, peak heap and the machine's load beside each figure. A
 * benchmark, not a test: it asserts nothing.
 *
 * <p>Run (the folder is written first when it does not exist: 1,000 accounts × (50 users, 200 roles), seed 42):
 * <pre>
 * mvn -B -o -q -pl library test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Xmx2g -cp library/target/test-classes:library/target/classes:$(cat library/cp.txt) \
 *      iamnb.bench.OrgAuditBenchmark /tmp/org1000 [accounts]
 * </pre>
 */
public final class OrgAuditBenchmark {
    private OrgAuditBenchmark() {}

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/org1000");
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        if (!Files.exists(dir.resolve("organization-snapshot.json"))) {
            long w = System.nanoTime();
            SyntheticOrganization.of(accounts, 50, 200, 42).writeTo(dir);
            System.out.printf("wrote %s: %.1f s%n", dir, (System.nanoTime() - w) / 1e9);
        }
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("%s: max heap %d MiB, %d cores%n", dir, Runtime.getRuntime().maxMemory() >> 20,
                os.getAvailableProcessors());

        Org org = new Org(OrgSnapshotFolder.open(dir));
        resetPeaks();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        OrgAudit audit = org.audit().parallelism(2);
        Table findings = audit.all();
        System.out.printf("org.audit().all(): %.1f s wall, %.1f s CPU, %,d findings over %d accounts, old-gen peak %d MiB,"
                        + " load %.1f%n", (System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - c0) / 1e9,
                findings.rowCount(), org.collectedAccountIds().size(), peakHeapMiB(), os.getSystemLoadAverage());

        Org fresh = new Org(OrgSnapshotFolder.open(dir));
        resetPeaks();
        c0 = os.getProcessCpuTime();
        t0 = System.nanoTime();
        TrustGraph graph = fresh.access().trustGraph();
        System.out.printf("trustGraph(): %.1f s wall, %.1f s CPU, %,d edges, %d admin roles, old-gen peak %d MiB, load %.1f%n",
                (System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - c0) / 1e9, graph.edges().size(),
                graph.adminRoles().size(), peakHeapMiB(), os.getSystemLoadAverage());
        String target = SyntheticOrganization.accountId(accounts / 2);
        t0 = System.nanoTime();
        RolePaths paths = fresh.pathsToAdmin(target);
        System.out.printf("pathsToAdmin(%s): %.2f s, %d paths (%d verified)%n", target, (System.nanoTime() - t0) / 1e9,
                paths.found(), paths.size());
    }

    /**
     * The peak of the old generation (G1 Old Gen, Tenured Gen): what survived young collections, so the working set
     * plus garbage not yet collected. Summing every pool's peak would overstate it (eden peaks at other times).
     */
    private static long peakHeapMiB() {
        long max = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
                max = Math.max(max, pool.getPeakUsage().getUsed());
            }
        }
        return max >> 20;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }
}
