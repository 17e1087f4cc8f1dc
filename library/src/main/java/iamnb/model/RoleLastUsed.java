package iamnb.model;

import java.time.Instant;
import java.util.Objects;

/**
 * When and in which region a role was last assumed (IAM's RoleLastUsed, tracked for 400 days).
 *
 * @param date last use
 * @param region region of the last use, or the empty string
 */
public record RoleLastUsed(Instant date, String region) {
    public RoleLastUsed {
        Objects.requireNonNull(date, "date");
        region = Checks.orEmpty(region);
    }
}
