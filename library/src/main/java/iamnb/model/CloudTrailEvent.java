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
        errorMessage = Sanitiser.text(Checks.orEmpty(errorMessage));
        requestParameters = requestParameters == null || requestParameters.isEmpty() ? "null"
                : Sanitiser.json(requestParameters);
        rawJson = Sanitiser.json(Checks.orEmpty(rawJson)); // credentials in responseElements never stay
    }

    /**
     * An event from its CloudTrail record JSON (the {@code CloudTrailEvent} string of {@code lookup-events}):
     * time, name, source, caller ARN, error and request parameters are read from the record itself.
     *
     * @param eventId the event id (lookup-events' {@code EventId}); the record's {@code eventID} when empty
     * @param username lookup-events' {@code Username}, or the empty string
     * @param rawJson the record
     * @param origin where the record came from, for error messages
     */
    public static CloudTrailEvent fromRecord(String eventId, String username, String rawJson, String origin) {
        com.fasterxml.jackson.databind.JsonNode r = iamnb.internal.JsonInput.readTree(JSON, rawJson,
                origin + ": the CloudTrail record");
        if (r == null || !r.isObject()) {
            throw new iamnb.InvalidInputException(origin + ": the CloudTrail record must be a JSON object");
        }
        String time = r.path("eventTime").asText("");
        Instant at;
        try {
            at = Instant.parse(time);
        } catch (java.time.format.DateTimeParseException e) {
            throw new iamnb.InvalidInputException(origin + ": eventTime \"" + time
                    + "\" is not a timestamp such as 2024-01-15T10:00:00Z", e);
        }
        String name = r.path("eventName").asText("");
        if (name.isEmpty()) {
            throw new iamnb.InvalidInputException(origin + ": the CloudTrail record has no eventName");
        }
        com.fasterxml.jackson.databind.JsonNode params = r.get("requestParameters");
        return new CloudTrailEvent(eventId == null || eventId.isEmpty() ? r.path("eventID").asText("") : eventId,
                at, name, r.path("eventSource").asText(""), username, r.path("userIdentity").path("arn").asText(""),
                r.path("errorCode").asText(""), r.path("errorMessage").asText(""),
                params == null ? "null" : params.toString(), rawJson);
    }

    /** Records nest within the snapshot files' limit, so the sanitiser's walk over them stays shallow. */
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = iamnb.internal.JsonInput.fileMapper();

    public boolean isAccessDenied() {
        return errorCode.contains("AccessDenied") || errorCode.equals("UnauthorizedOperation")
                || errorCode.equals("Client.UnauthorizedOperation");
    }
}
