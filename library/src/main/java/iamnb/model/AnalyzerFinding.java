package iamnb.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An IAM Access Analyzer finding ({@code aws accessanalyzer list-findings}): a resource shared outside the
 * zone of trust, or (for unused-access analyzers) an unused permission.
 *
 * @param id finding id
 * @param resource the resource ARN
 * @param resourceType e.g. {@code AWS::S3::Bucket}, {@code AWS::IAM::Role}
 * @param resourceOwnerAccount the account owning the resource
 * @param status {@code ACTIVE}, {@code ARCHIVED} or {@code RESOLVED}
 * @param findingType e.g. {@code ExternalAccess}, {@code UnusedIAMRole}; empty for v1 findings
 * @param principal the external principal (type → value), empty when not applicable
 * @param actions the actions granted to it
 * @param condition conditions on the access (key → value)
 * @param isPublic whether the access is public, when the analyzer says
 * @param createdAt when the finding was created
 * @param updatedAt when it was last updated
 * @param analyzedAt when the resource was last analyzed
 */
public record AnalyzerFinding(String id, String resource, String resourceType, String resourceOwnerAccount,
                              String status, String findingType, Map<String, String> principal,
                              List<String> actions, Map<String, String> condition, Optional<Boolean> isPublic,
                              Optional<Instant> createdAt, Optional<Instant> updatedAt,
                              Optional<Instant> analyzedAt) {
    public AnalyzerFinding {
        Checks.notBlank(id, "finding id");
        resource = Checks.orEmpty(resource);
        resourceType = Checks.orEmpty(resourceType);
        resourceOwnerAccount = Checks.orEmpty(resourceOwnerAccount);
        status = Checks.orEmpty(status);
        findingType = Checks.orEmpty(findingType);
        principal = Checks.sortedCopy(principal);
        actions = List.copyOf(actions);
        condition = Checks.sortedCopy(condition);
        Objects.requireNonNull(isPublic, "isPublic");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(analyzedAt, "analyzedAt");
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
