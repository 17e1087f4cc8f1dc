package iamnb.bench;

import iamnb.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * How long the bundled service catalogue takes to load: the first read in a fresh JVM (what a notebook's first
 * lint or {@code Actions.expand} pays), the first use of a few services and of all of them, then warm reads of
 * the file.
 *
 * <p>Run:
 * <pre>
 * mvn -B -o -q -pl library test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp library/target/test-classes:library/target/classes:$(cat library/cp.txt) iamnb.bench.CatalogLoadBenchmark [rounds]
 * </pre>
 * A benchmark, not a test: it asserts nothing and prints figures.
 */
public final class CatalogLoadBenchmark {
    private CatalogLoadBenchmark() {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long t0 = System.nanoTime();
        Catalog first = Catalog.aws();
        long cold = System.nanoTime() - t0;
        System.out.printf("first Catalog.aws() in a fresh JVM: %.1f ms  (%s)%n", cold / 1e6, first);
        long t1 = System.nanoTime();
        for (String prefix : new String[] {"s3", "iam", "ec2", "kms", "lambda"}) {
            first.service(prefix).orElseThrow();
        }
        System.out.printf("then the first use of s3, iam, ec2, kms, lambda: %.1f ms%n", (System.nanoTime() - t1) / 1e6);
        long t2 = System.nanoTime();
        int actions = first.services().stream().mapToInt(s -> s.actions().size()).sum();
        System.out.printf("then every other service (%d actions): %.1f ms%n", actions, (System.nanoTime() - t2) / 1e6);

        double[] warm = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            try (InputStream in = Catalog.class.getResourceAsStream(Catalog.RESOURCE)) {
                Catalog.read(in, Catalog.RESOURCE);
            }
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(warm);
        System.out.printf("warm reads (%d): min %.1f ms, median %.1f ms, max %.1f ms%n",
                rounds, warm[0], warm[rounds / 2], warm[rounds - 1]);
    }
}
