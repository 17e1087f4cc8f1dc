package iamnb.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a managed policy.
 *
 * @param versionId {@code v1}, {@code v2}, ...
 * @param isDefault whether this is the version in force
 * @param created when the version was created
 * @param document the version's document
 */
public record PolicyVersion(String versionId, boolean isDefault, Instant created, PolicyDocument document) {
    public PolicyVersion {
        Checks.notBlank(versionId, "policy version id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(document, "document");
    }
}
