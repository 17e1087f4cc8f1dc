package iamnb.bench;

import iamnb.Iam;
import iamnb.IamnbException;
import iamnb.Account;
import iamnb.model.AccountSnapshot;
import iamnb.source.FakeAws;
import iamnb.source.LiveOptions;
import iamnb.source.SyntheticAccount;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * Live collection of a synthetic account (300 users, 500 roles by default) from {@link FakeAws}, a local WireMock
 * that answers in AWS's wire formats: requests per user and per principal by action, and wall time with 0 %, 5 %
 * and 20 % of requests throttled, then against a hung endpoint (a loopback socket that accepts and never answers).
 * The figures of issue 11 (before this work) are printed alongside.
 *
 * <p>Run:
 * <pre>
 * mvn -B -o -q -pl library test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp library/target/test-classes:library/target/classes:$(cat library/cp.txt) \
 *      iamnb.bench.LiveCollectionBenchmark [users roles retryModes]
 * </pre>
 * {@code retryModes} is a comma-separated list of the SDK's retry modes (default {@code STANDARD}; e.g.
 * {@code STANDARD,ADAPTIVE_V2,LEGACY} to compare them).
 * A benchmark, not a test: it asserts nothing and prints figures.
 */
public final class LiveCollectionBenchmark {
    private LiveCollectionBenchmark() {}

    public static void main(String[] args) throws IOException {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int roles = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        String[] modes = (args.length > 2 ? args[2] : "STANDARD").split(",");
        AccountSnapshot account = SyntheticAccount.generate(users, roles, 30, 100, 42).snapshot();
        System.out.printf("synthetic account: %d users, %d roles, %d groups, %d policies%n",
                users, roles, account.groups().size(), account.policies().size());
        System.out.println("issue 11 (before): 779 requests for 311 users / 511 roles (2.5 per user); 4.6 s fault-free, 81 s at 20 % throttling");

        try (FakeAws warmUp = new FakeAws(account, 0, 7)) {
            Iam.live(options(warmUp.endpoint()).build()); // JIT and SDK start-up, not measured
        }
        for (String mode : modes) {
            throttling(account, users, roles, RetryMode.valueOf(mode.trim()));
        }

        try (ServerSocket hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                List<Socket> held = new ArrayList<>();
                try {
                    while (true) {
                        held.add(hung.accept());
                    }
                } catch (IOException closed) {
                    // the benchmark is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long t0 = System.nanoTime();
            String outcome;
            try {
                Iam.live(options(URI.create("http://127.0.0.1:" + hung.getLocalPort())).build());
                outcome = "collected?!";
            } catch (IamnbException e) {
                outcome = e.getMessage();
            }
            System.out.printf("hung endpoint: failed after %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, outcome);
        }
    }

    /** Collects the account with 0 %, 5 % and 20 % of requests throttled, printing a line each. */
    private static void throttling(AccountSnapshot account, int users, int roles, RetryMode mode) {
        System.out.println("retry mode " + mode + ":");
        double faultFree = 0;
        for (double share : new double[] {0, 0.05, 0.20}) {
            try (FakeAws aws = new FakeAws(account, share, 7)) {
                long t0 = System.nanoTime();
                String outcome;
                try {
                    Account acct = Iam.live(options(aws.endpoint()).retryMode(mode).build());
                    outcome = acct.snapshot().users().size() + " users, warnings " + acct.warnings();
                } catch (IamnbException e) {
                    outcome = "FAILED: " + e.getMessage();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (share == 0) {
                    faultFree = seconds;
                    System.out.println("  requests by action (fault-free): " + aws.requests());
                }
                System.out.printf("  throttled %4.0f %%: %5d requests (%3d throttled), %.2f per user, %.2f per principal, "
                                + "%6.2f s (%.1f× fault-free) — %s%n", share * 100, aws.totalRequests(),
                        aws.throttledRequests(), aws.totalRequests() / (double) users,
                        aws.totalRequests() / (double) (users + roles), seconds, seconds / faultFree, outcome);
            }
        }
    }

    private static LiveOptions.Builder options(URI endpoint) {
        return LiveOptions.builder().endpointOverride(endpoint).region("us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "bench-secret-not-real")));
    }
}
