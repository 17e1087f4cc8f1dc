package iamnb.source.internal;

import iamnb.model.AttachedPolicy;
import iamnb.model.Group;
import iamnb.model.InlinePolicy;
import iamnb.model.InstanceProfile;
import iamnb.model.ManagedPolicy;
import iamnb.model.PolicyDocument;
import iamnb.model.PolicyVersion;
import iamnb.model.Role;
import iamnb.model.RoleLastUsed;
import iamnb.model.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * Turns the IAM API's GetAccountAuthorizationDetails objects into the model. Policy documents arrive
 * URL-encoded, exactly as in the raw form of {@code gaad.json}, and are parsed by the same parser.
 */
public final class SdkModel {
    private static final String GAAD = "iam:GetAccountAuthorizationDetails";

    private SdkModel() {}

    public static User user(UserDetail u) {
        String origin = GAAD + " user " + u.userName();
        return User.builder(u.userName(), u.arn())
                .userId(u.userId())
                .path(u.path())
                .created(u.createDate())
                .groups(u.groupList())
                .inlinePolicies(inline(u.userPolicyList(), origin))
                .attachedPolicies(attached(u.attachedManagedPolicies()))
                .permissionsBoundaryArn(boundary(u.permissionsBoundary()))
                .tags(tags(u.tags()))
                .build();
    }

    public static Group group(GroupDetail g) {
        return new Group(g.groupName(), g.groupId(), g.arn(), g.path(), g.createDate(),
                inline(g.groupPolicyList(), GAAD + " group " + g.groupName()), attached(g.attachedManagedPolicies()));
    }

    public static Role role(RoleDetail r) {
        String origin = GAAD + " role " + r.roleName();
        var last = r.roleLastUsed();
        return Role.builder(r.roleName(), r.arn())
                .roleId(r.roleId())
                .path(r.path())
                .created(r.createDate())
                .trustPolicy(PolicyDocument.parse(r.assumeRolePolicyDocument(), origin + " trust policy"))
                .inlinePolicies(inline(r.rolePolicyList(), origin))
                .attachedPolicies(attached(r.attachedManagedPolicies()))
                .permissionsBoundaryArn(boundary(r.permissionsBoundary()))
                .tags(tags(r.tags()))
                .lastUsed(last == null || last.lastUsedDate() == null ? null
                        : new RoleLastUsed(last.lastUsedDate(), last.region()))
                .instanceProfiles(r.instanceProfileList().stream()
                        .map(ip -> new InstanceProfile(ip.instanceProfileName(), ip.instanceProfileId(), ip.arn(),
                                ip.path(), ip.createDate()))
                        .toList())
                .build();
    }

    public static ManagedPolicy policy(ManagedPolicyDetail p) {
        String origin = GAAD + " policy " + p.arn();
        List<PolicyVersion> versions = p.policyVersionList().stream()
                .map(v -> new PolicyVersion(v.versionId(), Boolean.TRUE.equals(v.isDefaultVersion()), v.createDate(),
                        PolicyDocument.parse(v.document(), origin + " " + v.versionId())))
                .toList();
        return ManagedPolicy.builder()
                .name(p.policyName())
                .policyId(p.policyId())
                .arn(p.arn())
                .path(p.path())
                .defaultVersionId(p.defaultVersionId())
                .attachmentCount(p.attachmentCount() == null ? 0 : p.attachmentCount())
                .permissionsBoundaryUsageCount(p.permissionsBoundaryUsageCount() == null ? 0 : p.permissionsBoundaryUsageCount())
                .isAttachable(p.isAttachable() == null || p.isAttachable())
                .description(p.description())
                .created(p.createDate())
                .updated(p.updateDate() == null ? p.createDate() : p.updateDate())
                .versions(versions)
                .build();
    }

    private static List<InlinePolicy> inline(List<PolicyDetail> policies, String origin) {
        return policies.stream()
                .map(p -> new InlinePolicy(p.policyName(),
                        PolicyDocument.parse(p.policyDocument(), origin + " inline policy " + p.policyName())))
                .toList();
    }

    private static List<AttachedPolicy> attached(List<software.amazon.awssdk.services.iam.model.AttachedPolicy> list) {
        return list.stream().map(a -> new AttachedPolicy(a.policyName(), a.policyArn())).toList();
    }

    private static String boundary(AttachedPermissionsBoundary b) {
        return b == null ? null : b.permissionsBoundaryArn();
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        tags.forEach(t -> out.put(t.key(), t.value() == null ? "" : t.value()));
        return out;
    }
}
