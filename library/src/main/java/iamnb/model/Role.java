package iamnb.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An IAM role: who may assume it (the trust policy), what it may do (inline and attached policies,
 * capped by an optional permissions boundary), and how it was last used.
 *
 * @param name role name
 * @param roleId unique id ({@code AROA...})
 * @param arn role ARN
 * @param path IAM path ({@code /aws-service-role/...} for service-linked roles)
 * @param created creation time
 * @param description the role description, or the empty string
 * @param trustPolicy the assume-role policy document
 * @param inlinePolicies policies embedded in the role
 * @param attachedPolicies managed policies attached to the role
 * @param permissionsBoundaryArn the boundary policy ARN, if any
 * @param maxSessionDuration the longest session the role grants (1 hour unless set, at most 12)
 * @param tags the role's tags
 * @param lastUsed the last time the role was assumed; empty when never (within IAM's 400-day window)
 * @param instanceProfiles EC2 instance profiles carrying the role
 */
public record Role(
        String name,
        String roleId,
        String arn,
        String path,
        Instant created,
        String description,
        PolicyDocument trustPolicy,
        List<InlinePolicy> inlinePolicies,
        List<AttachedPolicy> attachedPolicies,
        Optional<String> permissionsBoundaryArn,
        Duration maxSessionDuration,
        Map<String, String> tags,
        Optional<RoleLastUsed> lastUsed,
        List<InstanceProfile> instanceProfiles) {

    /** IAM's default maximum session duration. */
    public static final Duration DEFAULT_MAX_SESSION = Duration.ofHours(1);

    public Role {
        Checks.notBlank(name, "role name");
        roleId = Checks.orEmpty(roleId);
        Checks.notBlank(arn, "role arn");
        path = path == null || path.isEmpty() ? "/" : path;
        Objects.requireNonNull(created, "created");
        description = Sanitiser.text(Checks.orEmpty(description));
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        inlinePolicies = List.copyOf(inlinePolicies);
        attachedPolicies = List.copyOf(attachedPolicies);
        Objects.requireNonNull(permissionsBoundaryArn, "permissionsBoundaryArn");
        Objects.requireNonNull(maxSessionDuration, "maxSessionDuration");
        if (maxSessionDuration.isNegative() || maxSessionDuration.isZero()) {
            throw new iamnb.InvalidInputException("role " + name + ": max session duration must be positive, got "
                    + maxSessionDuration);
        }
        tags = Checks.sortedCopy(Sanitiser.tags(tags));
        Objects.requireNonNull(lastUsed, "lastUsed");
        instanceProfiles = List.copyOf(instanceProfiles);
    }

    /** Service-linked roles live under {@code /aws-service-role/} and are managed by AWS services. */
    public boolean isServiceLinked() {
        return path.startsWith("/aws-service-role/");
    }

    public Optional<InlinePolicy> inlinePolicy(String policyName) {
        return inlinePolicies.stream().filter(p -> p.name().equals(policyName)).findFirst();
    }

    public static Builder builder(String name, String arn) {
        return new Builder().name(name).arn(arn);
    }

    public Builder toBuilder() {
        return new Builder().name(name).roleId(roleId).arn(arn).path(path).created(created)
                .description(description).trustPolicy(trustPolicy).inlinePolicies(inlinePolicies)
                .attachedPolicies(attachedPolicies).permissionsBoundaryArn(permissionsBoundaryArn.orElse(null))
                .maxSessionDuration(maxSessionDuration).tags(tags).lastUsed(lastUsed.orElse(null))
                .instanceProfiles(instanceProfiles);
    }

    /** Builds a {@link Role}; lists start empty, path {@code /}, one-hour sessions. */
    public static final class Builder {
        private String name;
        private String roleId = "";
        private String arn;
        private String path = "/";
        private Instant created = Instant.EPOCH;
        private String description = "";
        private PolicyDocument trustPolicy;
        private List<InlinePolicy> inlinePolicies = new ArrayList<>();
        private List<AttachedPolicy> attachedPolicies = new ArrayList<>();
        private String permissionsBoundaryArn;
        private Duration maxSessionDuration = DEFAULT_MAX_SESSION;
        private Map<String, String> tags = Map.of();
        private RoleLastUsed lastUsed;
        private List<InstanceProfile> instanceProfiles = new ArrayList<>();

        private Builder() {}

        public Builder name(String v) { this.name = v; return this; }
        public Builder roleId(String v) { this.roleId = v; return this; }
        public Builder arn(String v) { this.arn = v; return this; }
        public Builder path(String v) { this.path = v; return this; }
        public Builder created(Instant v) { this.created = v; return this; }
        public Builder description(String v) { this.description = v; return this; }
        public Builder trustPolicy(PolicyDocument v) { this.trustPolicy = v; return this; }
        public Builder inlinePolicies(List<InlinePolicy> v) { this.inlinePolicies = new ArrayList<>(v); return this; }
        public Builder addInlinePolicy(InlinePolicy v) { this.inlinePolicies.add(v); return this; }
        public Builder attachedPolicies(List<AttachedPolicy> v) { this.attachedPolicies = new ArrayList<>(v); return this; }
        public Builder addAttachedPolicy(AttachedPolicy v) { this.attachedPolicies.add(v); return this; }
        /** The boundary policy ARN, or null for none. */
        public Builder permissionsBoundaryArn(String v) { this.permissionsBoundaryArn = v; return this; }
        public Builder maxSessionDuration(Duration v) { this.maxSessionDuration = v; return this; }
        public Builder tags(Map<String, String> v) { this.tags = v; return this; }
        /** The last use, or null for never. */
        public Builder lastUsed(RoleLastUsed v) { this.lastUsed = v; return this; }
        public Builder instanceProfiles(List<InstanceProfile> v) { this.instanceProfiles = new ArrayList<>(v); return this; }

        public Role build() {
            return new Role(name, roleId, arn, path, created, description, trustPolicy, inlinePolicies,
                    attachedPolicies, Optional.ofNullable(permissionsBoundaryArn), maxSessionDuration, tags,
                    Optional.ofNullable(lastUsed), instanceProfiles);
        }
    }
}
