package iamnb.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One CloudTrail management event ({@code aws cloudtrail lookup-events}), with the fields an Access Denied
 * investigation reads pulled out of the event JSON.
 *
 * @param eventId event id
 * @param eventTime when it happened
 * @param eventName API action, e.g. {@code PutObject}
 * @param eventSource service endpoint, e.g. {@code s3.amazonaws.com}
 * @param username the lookup's user name, or the empty string
 * @param userIdentityArn {@code userIdentity.arn} of the caller, or the empty string
 * @param errorCode e.g. {@code AccessDenied}, or the empty string when the call succeeded
 * @param errorMessage the error message, or the empty string
 * @param requestParameters {@code requestParameters} as compact JSON, or {@code null} as text when absent
 * @param rawJson the full CloudTrail event JSON as recorded
 */
public record CloudTrailEvent(String eventId, Instant eventTime, String eventName, String eventSource,
                              String username, String userIdentityArn, String errorCode, String errorMessage,
                              String requestParameters, String rawJson) {
    public CloudTrailEvent {
        eventId = Checks.orEmpty(eventId);
        Objects.requireNonNull(eventTime, "eventTime");
        Checks.notBlank(eventName, "event name");
        eventSource = Checks.orEmpty(eventSource);
        username = Checks.orEmpty(username);
        userIdentityArn = Checks.orEmpty(userIdentityArn);
        errorCode = Checks.orEmpty(errorCode);
        errorMessage = Checks.orEmpty(errorMessage);
        requestParameters = requestParameters == null || requestParameters.isEmpty() ? "null" : requestParameters;
        rawJson = Checks.orEmpty(rawJson);
    }

    public boolean isAccessDenied() {
        return errorCode.contains("AccessDenied") || errorCode.equals("UnauthorizedOperation")
                || errorCode.equals("Client.UnauthorizedOperation");
    }
}
