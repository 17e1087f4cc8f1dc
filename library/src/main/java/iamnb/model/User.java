package iamnb.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An IAM user as of the account's instant: identity, group memberships, policies, boundary, tags and
 * credentials (access key metadata, MFA devices, console login profile). Never a secret.
 *
 * @param name user name
 * @param userId unique id ({@code AIDA...})
 * @param arn user ARN
 * @param path IAM path, {@code /} by default
 * @param created creation time
 * @param groups names of the groups the user belongs to
 * @param inlinePolicies policies embedded in the user
 * @param attachedPolicies managed policies attached directly
 * @param permissionsBoundaryArn the managed policy used as permissions boundary, if any
 * @param tags the user's tags
 * @param accessKeys the user's access keys (at most two), metadata only
 * @param mfaDevices the user's enabled MFA devices
 * @param loginProfile the console password, if the user has one
 */
public record User(
        String name,
        String userId,
        String arn,
        String path,
        Instant created,
        List<String> groups,
        List<InlinePolicy> inlinePolicies,
        List<AttachedPolicy> attachedPolicies,
        Optional<String> permissionsBoundaryArn,
        Map<String, String> tags,
        List<AccessKey> accessKeys,
        List<MfaDevice> mfaDevices,
        Optional<LoginProfile> loginProfile) {

    public User {
        Checks.notBlank(name, "user name");
        userId = Checks.orEmpty(userId);
        Checks.notBlank(arn, "user arn");
        path = path == null || path.isEmpty() ? "/" : path;
        Objects.requireNonNull(created, "created");
        groups = List.copyOf(groups);
        inlinePolicies = List.copyOf(inlinePolicies);
        attachedPolicies = List.copyOf(attachedPolicies);
        Objects.requireNonNull(permissionsBoundaryArn, "permissionsBoundaryArn");
        tags = Checks.sortedCopy(Sanitiser.tags(tags));
        accessKeys = List.copyOf(accessKeys);
        mfaDevices = List.copyOf(mfaDevices);
        Objects.requireNonNull(loginProfile, "loginProfile");
    }

    /** Whether the user can sign in to the console (has a password). */
    public boolean hasConsoleAccess() {
        return loginProfile.isPresent();
    }

    public boolean hasMfa() {
        return !mfaDevices.isEmpty();
    }

    public List<AccessKey> activeKeys() {
        return accessKeys.stream().filter(AccessKey::isActive).toList();
    }

    public Optional<InlinePolicy> inlinePolicy(String policyName) {
        return inlinePolicies.stream().filter(p -> p.name().equals(policyName)).findFirst();
    }

    public static Builder builder(String name, String arn) {
        return new Builder().name(name).arn(arn);
    }

    public Builder toBuilder() {
        return new Builder().name(name).userId(userId).arn(arn).path(path).created(created).groups(groups)
                .inlinePolicies(inlinePolicies).attachedPolicies(attachedPolicies)
                .permissionsBoundaryArn(permissionsBoundaryArn.orElse(null)).tags(tags).accessKeys(accessKeys)
                .mfaDevices(mfaDevices).loginProfile(loginProfile.orElse(null));
    }

    /** Builds a {@link User}; lists start empty, path {@code /}, created the epoch. */
    public static final class Builder {
        private String name;
        private String userId = "";
        private String arn;
        private String path = "/";
        private Instant created = Instant.EPOCH;
        private List<String> groups = new ArrayList<>();
        private List<InlinePolicy> inlinePolicies = new ArrayList<>();
        private List<AttachedPolicy> attachedPolicies = new ArrayList<>();
        private String permissionsBoundaryArn;
        private Map<String, String> tags = Map.of();
        private List<AccessKey> accessKeys = new ArrayList<>();
        private List<MfaDevice> mfaDevices = new ArrayList<>();
        private LoginProfile loginProfile;

        private Builder() {}

        public Builder name(String v) { this.name = v; return this; }
        public Builder userId(String v) { this.userId = v; return this; }
        public Builder arn(String v) { this.arn = v; return this; }
        public Builder path(String v) { this.path = v; return this; }
        public Builder created(Instant v) { this.created = v; return this; }
        public Builder groups(List<String> v) { this.groups = new ArrayList<>(v); return this; }
        public Builder addGroup(String v) { this.groups.add(v); return this; }
        public Builder inlinePolicies(List<InlinePolicy> v) { this.inlinePolicies = new ArrayList<>(v); return this; }
        public Builder addInlinePolicy(InlinePolicy v) { this.inlinePolicies.add(v); return this; }
        public Builder attachedPolicies(List<AttachedPolicy> v) { this.attachedPolicies = new ArrayList<>(v); return this; }
        public Builder addAttachedPolicy(AttachedPolicy v) { this.attachedPolicies.add(v); return this; }
        /** The boundary policy ARN, or null for none. */
        public Builder permissionsBoundaryArn(String v) { this.permissionsBoundaryArn = v; return this; }
        public Builder tags(Map<String, String> v) { this.tags = v; return this; }
        public Builder accessKeys(List<AccessKey> v) { this.accessKeys = new ArrayList<>(v); return this; }
        public Builder addAccessKey(AccessKey v) { this.accessKeys.add(v); return this; }
        public Builder mfaDevices(List<MfaDevice> v) { this.mfaDevices = new ArrayList<>(v); return this; }
        public Builder addMfaDevice(MfaDevice v) { this.mfaDevices.add(v); return this; }
        /** The console login profile, or null for none. */
        public Builder loginProfile(LoginProfile v) { this.loginProfile = v; return this; }

        public User build() {
            return new User(name, userId, arn, path, created, groups, inlinePolicies, attachedPolicies,
                    Optional.ofNullable(permissionsBoundaryArn), tags, accessKeys, mfaDevices,
                    Optional.ofNullable(loginProfile));
        }
    }
}
