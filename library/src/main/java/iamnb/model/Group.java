package iamnb.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An IAM group: its members get its inline and attached policies. Membership is recorded on the
 * {@link User} ({@link User#groups()}); {@code acct.membersOf(group)} inverts it.
 *
 * @param name group name
 * @param groupId unique id ({@code AGPA...})
 * @param arn group ARN
 * @param path IAM path
 * @param created creation time
 * @param inlinePolicies policies embedded in the group
 * @param attachedPolicies managed policies attached to the group
 */
public record Group(String name, String groupId, String arn, String path, Instant created,
                    List<InlinePolicy> inlinePolicies, List<AttachedPolicy> attachedPolicies) {
    public Group {
        Checks.notBlank(name, "group name");
        groupId = Checks.orEmpty(groupId);
        Checks.notBlank(arn, "group arn");
        path = path == null || path.isEmpty() ? "/" : path;
        Objects.requireNonNull(created, "created");
        inlinePolicies = List.copyOf(inlinePolicies);
        attachedPolicies = List.copyOf(attachedPolicies);
    }

    public Optional<InlinePolicy> inlinePolicy(String policyName) {
        return inlinePolicies.stream().filter(p -> p.name().equals(policyName)).findFirst();
    }
}
