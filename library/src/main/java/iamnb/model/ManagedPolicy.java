package iamnb.model;

import iamnb.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A managed policy (customer managed or AWS managed) with its versions; the default version is the one
 * in force.
 *
 * @param name policy name
 * @param policyId unique id ({@code ANPA...})
 * @param arn policy ARN
 * @param path IAM path
 * @param defaultVersionId id of the version in force, e.g. {@code v3}
 * @param attachmentCount how many users, groups and roles it is attached to
 * @param permissionsBoundaryUsageCount how many principals use it as a permissions boundary
 * @param isAttachable whether it can be attached
 * @param description description, or the empty string
 * @param created creation time
 * @param updated time of the last new version
 * @param versions every version IAM returned; one of them is {@link #defaultVersionId()}
 */
public record ManagedPolicy(
        String name,
        String policyId,
        String arn,
        String path,
        String defaultVersionId,
        int attachmentCount,
        int permissionsBoundaryUsageCount,
        boolean isAttachable,
        String description,
        Instant created,
        Instant updated,
        List<PolicyVersion> versions) {

    public ManagedPolicy {
        Checks.notBlank(name, "policy name");
        policyId = Checks.orEmpty(policyId);
        Checks.notBlank(arn, "policy arn");
        path = path == null || path.isEmpty() ? "/" : path;
        Checks.notBlank(defaultVersionId, "default version id of " + arn);
        description = Sanitiser.text(Checks.orEmpty(description));
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        versions = List.copyOf(versions);
        String want = defaultVersionId;
        if (versions.stream().noneMatch(v -> v.versionId().equals(want))) {
            throw new InvalidInputException("policy " + arn + ": default version " + defaultVersionId
                    + " is not among its versions " + versions.stream().map(PolicyVersion::versionId).toList());
        }
    }

    /** AWS managed policies live under {@code arn:aws:iam::aws:policy/} (or the partition's equivalent). */
    public static boolean isAwsManagedArn(String arn) {
        return arn.contains(":iam::aws:policy/");
    }

    public boolean isAwsManaged() {
        return isAwsManagedArn(arn);
    }

    /** The version in force. */
    public PolicyVersion defaultVersion() {
        return versions.stream().filter(v -> v.versionId().equals(defaultVersionId)).findFirst().orElseThrow();
    }

    /** The document of the version in force: what the policy grants today. */
    public PolicyDocument document() {
        return defaultVersion().document();
    }

    public Optional<PolicyVersion> version(String versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    /** An empty builder; set name, arn, versions and the default version id. */
    public static Builder builder() {
        return new Builder();
    }

    /** A one-version policy: the shape most tests and generators need. */
    public static Builder builder(String name, String arn, PolicyDocument document) {
        return new Builder().name(name).arn(arn).versions(List.of(new PolicyVersion("v1", true, Instant.EPOCH, document)))
                .defaultVersionId("v1");
    }

    public Builder toBuilder() {
        return new Builder().name(name).policyId(policyId).arn(arn).path(path).defaultVersionId(defaultVersionId)
                .attachmentCount(attachmentCount).permissionsBoundaryUsageCount(permissionsBoundaryUsageCount)
                .isAttachable(isAttachable).description(description).created(created).updated(updated)
                .versions(versions);
    }

    /** Builds a {@link ManagedPolicy}. */
    public static final class Builder {
        private String name;
        private String policyId = "";
        private String arn;
        private String path = "/";
        private String defaultVersionId = "v1";
        private int attachmentCount;
        private int permissionsBoundaryUsageCount;
        private boolean isAttachable = true;
        private String description = "";
        private Instant created = Instant.EPOCH;
        private Instant updated = Instant.EPOCH;
        private List<PolicyVersion> versions = new ArrayList<>();

        private Builder() {}

        public Builder name(String v) { this.name = v; return this; }
        public Builder policyId(String v) { this.policyId = v; return this; }
        public Builder arn(String v) { this.arn = v; return this; }
        public Builder path(String v) { this.path = v; return this; }
        public Builder defaultVersionId(String v) { this.defaultVersionId = v; return this; }
        public Builder attachmentCount(int v) { this.attachmentCount = v; return this; }
        public Builder permissionsBoundaryUsageCount(int v) { this.permissionsBoundaryUsageCount = v; return this; }
        public Builder isAttachable(boolean v) { this.isAttachable = v; return this; }
        public Builder description(String v) { this.description = v; return this; }
        public Builder created(Instant v) { this.created = v; return this; }
        public Builder updated(Instant v) { this.updated = v; return this; }
        public Builder versions(List<PolicyVersion> v) { this.versions = new ArrayList<>(v); return this; }

        public ManagedPolicy build() {
            return new ManagedPolicy(name, policyId, arn, path, defaultVersionId, attachmentCount,
                    permissionsBoundaryUsageCount, isAttachable, description, created, updated, versions);
        }
    }
}
