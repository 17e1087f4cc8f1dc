package iamnb.bench;

import iamnb.Iam;
import iamnb.Org;
import iamnb.source.SyntheticOrganization;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Writes a synthetic organization snapshot folder ({@link SyntheticOrganization}) and reads every member back, one
 * at a time, through {@code Iam.fromOrganizationSnapshot(dir).forEachAccount(..)}: the floor under the
 * organization-wide audits. Prints wall times, the folder's size and the peak heap.
 *
 * <p>Run (sizes default to 1,000 accounts × (50 users, 200 roles)):
 * <pre>
 * mvn -B -o -q -pl library test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Xmx2g -cp library/target/test-classes:library/target/classes:$(cat library/cp.txt) \
 *      iamnb.bench.SyntheticOrganizationBenchmark DIR [accounts users roles seed]
 * </pre>
 * DIR must be new or empty. A benchmark, not a test: it asserts nothing and prints figures.
 */
public final class SyntheticOrganizationBenchmark {
    private SyntheticOrganizationBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: SyntheticOrganizationBenchmark DIR [accounts users roles seed]");
        }
        Path dir = Path.of(args[0]);
        int accounts = arg(args, 1, 1_000);
        int users = arg(args, 2, 50);
        int roles = arg(args, 3, 200);
        long seed = arg(args, 4, 42);
        System.out.printf("synthetic organization: %,d accounts × (%d users, %d roles), seed %d, max heap %d MiB%n",
                accounts, users, roles, seed, Runtime.getRuntime().maxMemory() >> 20);

        long t0 = System.nanoTime();
        String digest = SyntheticOrganization.of(accounts, users, roles, seed).writeTo(dir);
        long written = System.nanoTime() - t0;
        System.out.printf("write: %.1f s (%.0f ms per account), folder %,d MiB in %,d files, set digest %s%n",
                written / 1e9, written / 1e6 / accounts, folderBytes(dir) >> 20, fileCount(dir), digest);
        System.out.printf("peak heap after write: %d MiB%n", peakHeapMiB());
        resetPeaks();

        long t1 = System.nanoTime();
        Org org = Iam.fromOrganizationSnapshot(dir);
        long opened = System.nanoTime() - t1;
        AtomicLong principals = new AtomicLong();
        long t2 = System.nanoTime();
        org.forEachAccount(a -> principals.addAndGet(a.snapshot().users().size() + a.snapshot().roles().size()));
        long read = System.nanoTime() - t2;
        System.out.printf("open index: %.2f s; read every member one at a time: %.1f s (%.0f ms per account),"
                        + " %,d users and roles seen%n", opened / 1e9, read / 1e9, read / 1e6 / accounts, principals.get());
        System.out.printf("peak heap during read: %d MiB%n", peakHeapMiB());
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    private static long folderBytes(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static long fileCount(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    private static long peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }
}
