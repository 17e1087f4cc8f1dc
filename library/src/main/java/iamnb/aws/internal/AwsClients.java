package iamnb.aws.internal;

import iamnb.aws.AwsConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients of one live collection, made on first use and closed together. Every client gets the same
 * credentials, the endpoint override if any, the URL-connection HTTP client, the retry strategy of
 * {@link AwsConnection#retryMode()} bounded by {@link AwsConnection#maxAttempts()}, and the per-attempt and per-call
 * time-outs ({@link AwsConnection#attemptTimeout()}, {@link AwsConnection#callTimeout()}).
 */
public final class AwsClients implements AutoCloseable {
    /**
     * Back-off after a throttled attempt: full jitter over 200 ms, doubling per retry, at most 10 s. The SDK's
     * default starts at 1 s, which made 20 % throttling cost 2× the fault-free time where this costs ~1.3×
     * (LiveCollectionBenchmark); repeated throttling still backs off exponentially.
     */
    private static final BackoffStrategy THROTTLING_BACKOFF =
            BackoffStrategy.exponentialDelay(Duration.ofMillis(200), Duration.ofSeconds(10));

    private final AwsConnection options;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final List<AutoCloseable> open = new ArrayList<>();
    private IamClient iam;
    private StsClient sts;
    private S3Client s3;
    private OrganizationsClient organizations;
    private AccessAnalyzerClient analyzer;
    private CloudTrailClient cloudTrail;

    public AwsClients(AwsConnection options) {
        this.options = options;
        this.region = resolveRegion(options);
        this.credentials = options.credentials()
                .orElseGet(() -> options.profile().<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
                        .orElseGet(() -> DefaultCredentialsProvider.builder().build()));
    }

    private static Region resolveRegion(AwsConnection o) {
        if (o.region().isPresent()) {
            return Region.of(o.region().get());
        }
        try {
            var chain = DefaultAwsRegionProviderChain.builder();
            o.profile().ifPresent(chain::profileName);
            return chain.build().getRegion();
        } catch (RuntimeException e) {
            return Region.US_EAST_1;
        }
    }

    public Region region() {
        return region;
    }

    /**
     * Where a service's calls go, for messages: the endpoint override, else AWS's endpoint for the service in the
     * region the client signs for (e.g. {@code https://iam.amazonaws.com}).
     *
     * @param service the endpoint prefix: {@code iam}, {@code sts}, {@code s3}, {@code organizations}, ...
     */
    public String endpoint(String service) {
        if (options.endpointOverride().isPresent()) {
            return options.endpointOverride().get().toString();
        }
        boolean global = service.equals("iam") || service.equals("organizations");
        try {
            return "https://" + ServiceMetadata.of(service).endpointFor(global ? globalRegion() : region);
        } catch (RuntimeException unknown) {
            return service + " in " + region.id();
        }
    }

    /** IAM and Organizations are global services; with an endpoint override the configured region signs. */
    private Region globalRegion() {
        return options.endpointOverride().isPresent() ? region : Region.AWS_GLOBAL;
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends AutoCloseable> C make(
            B builder, Region r) {
        builder.region(r)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c
                        .retryStrategy(AwsRetryStrategy.forRetryMode(options.retryMode()).toBuilder()
                                .maxAttempts(options.maxAttempts())
                                .throttlingBackoffStrategy(THROTTLING_BACKOFF).build())
                        .apiCallAttemptTimeout(options.attemptTimeout())
                        .apiCallTimeout(options.callTimeout()));
        options.endpointOverride().ifPresent(builder::endpointOverride);
        C client = builder.build();
        open.add(client);
        return client;
    }

    public synchronized IamClient iam() {
        return iam != null ? iam : (iam = make(IamClient.builder(), globalRegion()));
    }

    public synchronized StsClient sts() {
        return sts != null ? sts : (sts = make(StsClient.builder(), region));
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            boolean local = options.endpointOverride().isPresent();
            s3 = make(S3Client.builder().forcePathStyle(local).crossRegionAccessEnabled(!local), region);
        }
        return s3;
    }

    public synchronized OrganizationsClient organizations() {
        return organizations != null ? organizations
                : (organizations = make(OrganizationsClient.builder(), globalRegion()));
    }

    public synchronized AccessAnalyzerClient analyzer() {
        return analyzer != null ? analyzer : (analyzer = make(AccessAnalyzerClient.builder(), region));
    }

    public synchronized CloudTrailClient cloudTrail() {
        return cloudTrail != null ? cloudTrail : (cloudTrail = make(CloudTrailClient.builder(), region));
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing is best effort; nothing is left to read
            }
        }
        open.clear();
    }
}
