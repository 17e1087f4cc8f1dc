package iamnb.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * How to reach AWS: credentials, region, endpoint, retries and time-outs per call. {@code iamnb.source.LiveOptions}
 * is one (it adds what to collect); {@code decision.compareWithAws(options)} needs only this part, so the policy
 * package can open an IAM client without depending on the package that collects accounts.
 */
public interface AwsConnection {
    /** A named profile of {@code ~/.aws/config}; empty for the default chain. */
    Optional<String> profile();

    /** The region for regional services; empty to resolve it from the profile, else {@code us-east-1}. */
    Optional<String> region();

    /** One endpoint for every client (a local test server, a VPC endpoint); empty for AWS's. */
    Optional<URI> endpointOverride();

    /** Explicit credentials; empty for the profile or the default chain. */
    Optional<AwsCredentialsProvider> credentials();

    /** The bound on attempts per call, throttling retries included. */
    int maxAttempts();

    /** The SDK's retry strategy ({@code STANDARD}: measured to cost least under throttling). */
    RetryMode retryMode();

    /** How long one attempt of a call may take before it is abandoned (and retried). */
    Duration attemptTimeout();

    /** How long one call may take, all attempts together; a hung endpoint fails after this. */
    Duration callTimeout();
}
