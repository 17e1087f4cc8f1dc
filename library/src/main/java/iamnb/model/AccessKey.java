package iamnb.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An access key's metadata, never its secret: the model has no field that could hold one.
 *
 * @param userName the user owning the key
 * @param accessKeyId the public key id ({@code AKIA...})
 * @param status Active, Inactive or Expired
 * @param created when the key was created (the start of its age)
 * @param lastUsed when, where and for which service the key was last used; empty when never used
 */
public record AccessKey(String userName, String accessKeyId, Status status, Instant created,
                        Optional<KeyLastUsed> lastUsed) {

    /** The key status as IAM spells it ({@link #json()}). */
    public enum Status {
        ACTIVE("Active"), INACTIVE("Inactive"), EXPIRED("Expired");

        private final String json;

        Status(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        public static Status parse(String text) {
            for (Status s : values()) {
                if (s.json.equalsIgnoreCase(text)) {
                    return s;
                }
            }
            throw new iamnb.InvalidInputException("unknown access key status \"" + text
                    + "\"; IAM uses Active, Inactive or Expired");
        }
    }

    public AccessKey {
        Checks.notBlank(userName, "access key user name");
        Checks.notBlank(accessKeyId, "access key id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastUsed, "lastUsed");
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /**
     * When and where an access key was last used ({@code aws iam get-access-key-last-used}).
     *
     * @param date the last use
     * @param service the service it called, e.g. {@code s3} (IAM writes {@code N/A} when unknown)
     * @param region the region it called, e.g. {@code us-east-1}
     */
    public record KeyLastUsed(Instant date, String service, String region) {
        public KeyLastUsed {
            Objects.requireNonNull(date, "date");
            service = Checks.orEmpty(service);
            region = Checks.orEmpty(region);
        }
    }
}
