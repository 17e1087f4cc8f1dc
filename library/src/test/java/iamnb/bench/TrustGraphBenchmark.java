package iamnb.bench;

import iamnb.org.OrgAccess;
import iamnb.org.RolePaths;
import iamnb.org.TrustGraph;
import iamnb.source.OrgSnapshotFolder;
import iamnb.source.OrgSource;
import iamnb.source.SyntheticOrganization;
import java.util.List;

/**
 * Builds the assume-role graph of a synthetic organization ({@link SyntheticOrganization}: accounts of 50 users and
 * 200 roles, generated on request, the generator the other organization benchmarks use) and searches paths to admin in one account, printing wall times, edge counts and
 * heap. A benchmark, not a test: it asserts nothing and prints figures.
 *
 * <p>Run (account counts default to 100 and 1000):
 * <pre>
 * mvn -B -o -q -pl library test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Xmx2g -cp library/target/test-classes:library/target/classes:$(cat library/cp.txt) \
 *      iamnb.bench.TrustGraphBenchmark [--snapshots DIR] [accounts...]
 * </pre>
 *
 * <p>With {@code --snapshots DIR} the organization is read from the snapshot folder {@code DIR/org-N} (as the
 * issue asks: "loaded from snapshots"), written there first when missing, so later runs reuse it; without it the
 * accounts are generated in memory while the graph is built.
 */
public final class TrustGraphBenchmark {
    private TrustGraphBenchmark() {}

    public static void main(String[] args) {
        java.util.List<String> rest = new java.util.ArrayList<>(java.util.List.of(args));
        java.nio.file.Path snapshots = null;
        if (!rest.isEmpty() && rest.get(0).equals("--snapshots")) {
            snapshots = java.nio.file.Path.of(rest.get(1));
            rest = rest.subList(2, rest.size());
        }
        int[] sizes = rest.isEmpty() ? new int[] {100, 1000} : rest.stream().mapToInt(Integer::parseInt).toArray();
        for (int n : sizes) {
            run(n, snapshots);
        }
    }

    private static void run(int accounts, java.nio.file.Path snapshots) {
        SyntheticOrganization generated = SyntheticOrganization.of(accounts, 50, 200, 42);
        OrgSource source = generated.source();
        if (snapshots != null) {
            java.nio.file.Path dir = snapshots.resolve("org-" + accounts);
            if (!java.nio.file.Files.exists(dir.resolve("organization-snapshot.json"))) {
                long w0 = System.nanoTime();
                generated.writeTo(dir);
                System.out.printf("  wrote %s in %.1f s%n", dir, (System.nanoTime() - w0) / 1e9);
            }
            source = OrgSnapshotFolder.open(dir);
        }
        long g0 = System.nanoTime();
        source.load(SyntheticOrganization.accountId(0));
        double oneLoad = (System.nanoTime() - g0) / 1e6;

        OrgAccess access = new OrgAccess(source);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        List<java.lang.management.MemoryPoolMXBean> oldGen = java.lang.management.ManagementFactory
                .getMemoryPoolMXBeans().stream().filter(p -> p.getType() == java.lang.management.MemoryType.HEAP
                        && p.getName().contains("Old")).toList();
        System.gc();
        oldGen.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        TrustGraph graph = access.trustGraph();
        double graphSeconds = (System.nanoTime() - t0) / 1e9;
        double graphCpu = (os.getProcessCpuTime() - c0) / 1e9;
        // what the pass retained at its worst: objects that survive young collections end in the old generation
        long oldPeak = oldGen.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
        long cross = graph.edges().stream().filter(e -> e.crossAccount()).count();

        String target = SyntheticOrganization.accountId(accounts / 2);
        long p0 = System.nanoTime();
        RolePaths paths = access.pathsToAdmin(target);
        double pathSeconds = (System.nanoTime() - p0) / 1e9;
        long p1 = System.nanoTime();
        RolePaths again = access.pathsToAdmin(SyntheticOrganization.accountId(accounts / 3));
        double againSeconds = (System.nanoTime() - p1) / 1e9;

        System.out.printf("  load average while running: %.1f on %d cores%n", os.getSystemLoadAverage(),
                os.getAvailableProcessors());
        Runtime rt = Runtime.getRuntime();
        long usedBeforeGc = (rt.totalMemory() - rt.freeMemory()) >> 20;
        System.gc(); // what the kept graph and the access object hold, without the garbage of the pass
        long kept = (rt.totalMemory() - rt.freeMemory()) >> 20;
        java.lang.ref.Reference.reachabilityFence(access);
        java.lang.ref.Reference.reachabilityFence(graph);
        System.out.printf("%d accounts x (50 users, 200 roles)%s: trustGraph %.1f s wall, %.1f s CPU (%d edges, %d cross-account, %d admin "
                        + "roles; loading one account %.0f ms); pathsToAdmin(%s) %.2f s (%d paths found, %d verified); "
                        + "pathsToAdmin(%s) %.2f s (%d found); heap used %d MB, %d MB after GC with the graph kept, "
                        + "old-generation peak during trustGraph %d MB%n",
                accounts, snapshots == null ? " generated" : " from snapshots", graphSeconds, graphCpu, graph.edges().size(), cross, graph.adminRoles().size(), oneLoad, target,
                pathSeconds, paths.found(), paths.size(), SyntheticOrganization.accountId(accounts / 3), againSeconds,
                again.found(), usedBeforeGc, kept, oldPeak);
    }
}
