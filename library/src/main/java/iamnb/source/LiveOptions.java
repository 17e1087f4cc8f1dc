package iamnb.source;

import iamnb.aws.AwsConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * How {@code Iam.live(...)} reaches AWS. Every field has a default: the default credential chain, the profile's
 * region (else {@code us-east-1}), every part, four parallel requests, the standard retry strategy with at most
 * eight attempts per call, 20 s per attempt and 50 s per call (retries included).
 *
 * <p>The retry and time-out defaults were chosen by measurement ({@code iamnb.bench.LiveCollectionBenchmark}):
 * on a 300-user / 500-role account, the adaptive strategy's client-side rate limiter keeps slowing down while a
 * steady share of requests is throttled (6× the fault-free time at 5 %, 33× at 20 %), the standard strategy's
 * jittered exponential back-off does not (1.5× and 1.3×); a hung endpoint gives up after {@code callTimeout}
 * (50 s), instead of minutes of 30 s socket time-outs.
 *
 * <pre>{@code
 * Iam.live(o -> o.profile("audit").region("eu-west-1"));
 * Iam.live(LiveOptions.builder().profile("audit").skip(LivePart.CLOUDTRAIL).build());
 * }</pre>
 *
 * @param profile a named profile of {@code ~/.aws/config}; empty for the default chain
 * @param region the region for regional services (S3 listing, Access Analyzer, CloudTrail); empty to resolve it
 * @param endpointOverride one endpoint for every client (a local test server, a VPC endpoint); empty for AWS's
 * @param credentials explicit credentials (tests pass static ones); empty for the profile or the default chain
 * @param parts the optional parts to collect
 * @param parallelism how many API calls may run at once (a small fixed pool)
 * @param maxAttempts the bound on attempts per call, throttling retries included
 * @param retryMode the SDK's retry strategy: {@code STANDARD} (default), {@code ADAPTIVE_V2} or {@code LEGACY}
 * @param attemptTimeout how long one HTTP attempt may take before it is abandoned (and retried)
 * @param callTimeout how long one API call may take, all attempts and back-off included
 * @param progress told about every phase
 * @param clock gives the snapshot's instant ({@code asOf})
 * @param pollInterval how often to ask whether the credential report is ready
 * @param reportTimeout how long to wait for the credential report before giving up on it (with a warning)
 * @param cloudTrailWindow how far back CloudTrail events are looked up
 * @param cloudTrailMaxEvents the most CloudTrail events to keep
 */
public record LiveOptions(Optional<String> profile, Optional<String> region, Optional<URI> endpointOverride,
                          Optional<AwsCredentialsProvider> credentials, Set<LivePart> parts, int parallelism,
                          int maxAttempts, RetryMode retryMode, Duration attemptTimeout, Duration callTimeout,
                          ProgressListener progress, Clock clock, Duration pollInterval,
                          Duration reportTimeout, Duration cloudTrailWindow, int cloudTrailMaxEvents)
        implements AwsConnection {
    public LiveOptions {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpointOverride, "endpointOverride");
        Objects.requireNonNull(credentials, "credentials");
        parts = parts.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(parts));
        if (parallelism < 1 || parallelism > 32) {
            throw new iamnb.InvalidInputException("parallelism must be between 1 and 32, got " + parallelism);
        }
        if (maxAttempts < 1) {
            throw new iamnb.InvalidInputException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Objects.requireNonNull(retryMode, "retryMode");
        positive(attemptTimeout, "attemptTimeout");
        positive(callTimeout, "callTimeout");
        if (callTimeout.compareTo(attemptTimeout) < 0) {
            throw new iamnb.InvalidInputException("callTimeout (" + callTimeout + ") must be at least attemptTimeout ("
                    + attemptTimeout + "): a call is one or more attempts");
        }
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(reportTimeout, "reportTimeout");
        Objects.requireNonNull(cloudTrailWindow, "cloudTrailWindow");
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new iamnb.InvalidInputException(name + " must be positive, got " + d);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static LiveOptions defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.profile = profile.orElse(null);
        b.region = region.orElse(null);
        b.endpointOverride = endpointOverride.orElse(null);
        b.credentials = credentials.orElse(null);
        b.parts = parts.isEmpty() ? EnumSet.noneOf(LivePart.class) : EnumSet.copyOf(parts);
        b.parallelism = parallelism;
        b.maxAttempts = maxAttempts;
        b.retryMode = retryMode;
        b.attemptTimeout = attemptTimeout;
        b.callTimeout = callTimeout;
        b.progress = progress;
        b.clock = clock;
        b.pollInterval = pollInterval;
        b.reportTimeout = reportTimeout;
        b.cloudTrailWindow = cloudTrailWindow;
        b.cloudTrailMaxEvents = cloudTrailMaxEvents;
        return b;
    }

    public boolean wants(LivePart part) {
        return parts.contains(part);
    }

    /** Builds {@link LiveOptions}; start from {@link LiveOptions#builder()}. */
    public static final class Builder {
        private String profile;
        private String region;
        private URI endpointOverride;
        private AwsCredentialsProvider credentials;
        private EnumSet<LivePart> parts = EnumSet.allOf(LivePart.class);
        private int parallelism = 4;
        private int maxAttempts = 8;
        private RetryMode retryMode = RetryMode.STANDARD;
        private Duration attemptTimeout = Duration.ofSeconds(20);
        private Duration callTimeout = Duration.ofSeconds(50);
        private ProgressListener progress = ProgressListener.NONE;
        private Clock clock = Clock.systemUTC();
        private Duration pollInterval = Duration.ofSeconds(2);
        private Duration reportTimeout = Duration.ofMinutes(2);
        private Duration cloudTrailWindow = Duration.ofDays(1);
        private int cloudTrailMaxEvents = 500;

        private Builder() {}

        public Builder profile(String v) { this.profile = v; return this; }
        public Builder region(String v) { this.region = v; return this; }
        public Builder endpointOverride(URI v) { this.endpointOverride = v; return this; }
        public Builder credentials(AwsCredentialsProvider v) { this.credentials = v; return this; }
        /** Collect exactly these parts. */
        public Builder parts(Set<LivePart> v) { this.parts = v.isEmpty() ? EnumSet.noneOf(LivePart.class) : EnumSet.copyOf(v); return this; }
        /** Leave these parts out. */
        public Builder skip(LivePart... v) { for (LivePart p : v) { this.parts.remove(p); } return this; }
        public Builder parallelism(int v) { this.parallelism = v; return this; }
        public Builder maxAttempts(int v) { this.maxAttempts = v; return this; }
        public Builder retryMode(RetryMode v) { this.retryMode = v; return this; }
        public Builder attemptTimeout(Duration v) { this.attemptTimeout = v; return this; }
        public Builder callTimeout(Duration v) { this.callTimeout = v; return this; }
        public Builder progress(ProgressListener v) { this.progress = v; return this; }
        public Builder clock(Clock v) { this.clock = v; return this; }
        public Builder pollInterval(Duration v) { this.pollInterval = v; return this; }
        public Builder reportTimeout(Duration v) { this.reportTimeout = v; return this; }
        public Builder cloudTrailWindow(Duration v) { this.cloudTrailWindow = v; return this; }
        public Builder cloudTrailMaxEvents(int v) { this.cloudTrailMaxEvents = v; return this; }

        public LiveOptions build() {
            return new LiveOptions(Optional.ofNullable(profile), Optional.ofNullable(region),
                    Optional.ofNullable(endpointOverride), Optional.ofNullable(credentials), parts, parallelism,
                    maxAttempts, retryMode, attemptTimeout, callTimeout, progress, clock, pollInterval, reportTimeout, cloudTrailWindow, cloudTrailMaxEvents);
        }
    }
}
