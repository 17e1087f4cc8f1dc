package iamnb.source.internal;

import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Why an AWS call failed, in words, and what to do about it, by kind of failure: a refusal (missing permission),
 * throttling that outlasted the retries, rejected credentials (expired, unknown, bad signature or clock), no
 * answer within the time-outs, an unreachable endpoint, or a service error without an AWS error code (then the
 * HTTP status and the SDK's message stand in for it).
 *
 * @param call the API call as a policy names it, e.g. {@code iam:GetAccountAuthorizationDetails}
 * @param endpoint where the call went, e.g. {@code https://iam.amazonaws.com} or the endpoint override
 * @param kind what went wrong
 * @param reason the failure in words, e.g. {@code was refused (AccessDenied: ...)}
 * @param advice what to do, e.g. {@code the credentials need iam:... (SecurityAudit ...)}
 */
public record AwsFailure(String call, String endpoint, Kind kind, String reason, String advice) {

    /** The kinds of failure that call for different remedies. */
    public enum Kind { DENIED, THROTTLED, BAD_CREDENTIALS, TIMED_OUT, UNREACHABLE, SERVICE_ERROR }

    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "UnauthorizedAccess", "AuthorizationError", "AllAccessDisabled");
    private static final Set<String> THROTTLED = Set.of("Throttling", "ThrottlingException", "ThrottledException",
            "TooManyRequestsException", "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException",
            "SlowDown", "ProvisionedThroughputExceededException", "BandwidthLimitExceeded");
    private static final Set<String> BAD_CREDENTIALS = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired",
            "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "InvalidSignatureException",
            "IncompleteSignature", "InvalidAccessKeyId", "InvalidToken", "TokenRefreshRequired", "RequestTimeTooSkewed");

    /**
     * Describes a failed call.
     *
     * @param attemptTimeout the per-attempt time-out in force, named when an attempt got no answer
     * @param callTimeout the per-call time-out in force, named when the call as a whole got no answer
     */
    public static AwsFailure of(String call, String endpoint, SdkException e, Duration attemptTimeout,
                                Duration callTimeout) {
        String attempts = e.numAttempts() == null ? "" : " after " + e.numAttempts() + " attempt"
                + (e.numAttempts() == 1 ? "" : "s");
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null && !blank(s.awsErrorDetails().errorCode())) {
            String code = s.awsErrorDetails().errorCode();
            String message = s.awsErrorDetails().errorMessage();
            String detail = "(" + code + (blank(message) ? "" : ": " + message) + ")";
            if (THROTTLED.contains(code) || s.isThrottlingException()) {
                return new AwsFailure(call, endpoint, Kind.THROTTLED, "was throttled" + attempts + " " + detail,
                        "AWS kept throttling the account; wait a minute and retry, or lower parallelism / raise maxAttempts");
            }
            if (BAD_CREDENTIALS.contains(code)) {
                return new AwsFailure(call, endpoint, Kind.BAD_CREDENTIALS, "was rejected " + detail,
                        "refresh the credentials (e.g. aws sso login, or a new session token) and check the machine's "
                                + "clock: AWS rejects expired tokens and signatures more than 5 minutes off");
            }
            if (DENIED.contains(code) || s.statusCode() == 403) {
                return new AwsFailure(call, endpoint, Kind.DENIED, "was refused " + detail,
                        "the credentials need " + call + " (the AWS managed policy SecurityAudit grants every read iamnb makes)");
            }
            return new AwsFailure(call, endpoint, Kind.SERVICE_ERROR,
                    "failed with HTTP " + s.statusCode() + attempts + " " + detail, serviceAdvice(s.statusCode(), endpoint));
        }
        if (e instanceof SdkServiceException s) {
            String message = sdkMessage(s);
            return new AwsFailure(call, endpoint, Kind.SERVICE_ERROR, "failed with HTTP " + s.statusCode() + attempts
                    + (message.isEmpty() ? " and no AWS error code" : " and no AWS error code (" + message + ")"),
                    serviceAdvice(s.statusCode(), endpoint));
        }
        if (timedOut(e)) {
            boolean whole = causedBy(e, ApiCallTimeoutException.class);
            return new AwsFailure(call, endpoint, Kind.TIMED_OUT, "got no answer from " + endpoint + " within "
                    + (whole ? seconds(callTimeout) + " (the call time-out; " + seconds(attemptTimeout) + " per attempt)"
                            : seconds(attemptTimeout) + " (the attempt time-out)") + attempts,
                    "check that " + endpoint + " is the right endpoint and reachable (network, proxy, VPN); "
                            + "a slow but working endpoint needs larger attemptTimeout / callTimeout");
        }
        String message = sdkMessage(e);
        if (message.contains("credentials") || message.contains("Profile file") || message.contains("profile")) {
            return new AwsFailure(call, endpoint, Kind.BAD_CREDENTIALS, "found no usable credentials (" + message + ")",
                    "configure credentials: a profile (aws configure / aws sso login), the environment, or an instance role");
        }
        return new AwsFailure(call, endpoint, Kind.UNREACHABLE, "could not reach " + endpoint + attempts
                + (message.isEmpty() ? "" : " (" + message + ")"),
                "check the network, the proxy and the endpoint (" + endpoint + ")");
    }

    /** The failure and its remedy in one sentence: {@code iam:X was refused (...); the credentials need ...}. */
    public String sentence() {
        return call + " " + reason + "; " + advice;
    }

    private static String serviceAdvice(int status, String endpoint) {
        return status >= 500 ? "AWS answered with a server error at " + endpoint + "; retry later"
                : "AWS did not accept the request at " + endpoint + "; check the endpoint and region";
    }

    private static boolean timedOut(Throwable e) {
        return causedBy(e, ApiCallTimeoutException.class) || causedBy(e, ApiCallAttemptTimeoutException.class);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (type.isInstance(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The SDK's own message, without the parts that print {@code null} when the service sent no request id. */
    private static String sdkMessage(SdkException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        m = m.replaceAll(",? ?Request ID: null", "").replaceAll(",? ?Extended Request ID: null", "")
                .replaceAll("\\(\\s*\\)", "").trim();
        return m.replaceAll("\\s+", " ");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
