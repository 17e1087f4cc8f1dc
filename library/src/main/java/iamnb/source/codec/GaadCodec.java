package iamnb.source.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.InvalidInputException;
import iamnb.SourceUnavailableException;
import iamnb.model.AccountSnapshot;
import iamnb.model.AttachedPolicy;
import iamnb.model.Group;
import iamnb.model.InlinePolicy;
import iamnb.model.InstanceProfile;
import iamnb.model.ManagedPolicy;
import iamnb.model.PolicyVersion;
import iamnb.model.Role;
import iamnb.model.RoleLastUsed;
import iamnb.model.User;
import iamnb.source.SnapshotFiles;
import iamnb.source.internal.GaadReader;
import iamnb.source.internal.JsonAt;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gaad.json}: {@code aws iam get-account-authorization-details}. Read in the CLI's form (documents as
 * JSON objects) and the raw API form (URL-encoded strings), one response or a list of pages, streamed by
 * {@link GaadReader}; written in the CLI's form. Users come without credentials: other codecs add them.
 */
final class GaadCodec extends FileCodec {
    private static final String USERS = "UserDetailList", GROUPS = "GroupDetailList", ROLES = "RoleDetailList",
            POLICIES = "Policies";

    private static final String PATH = "Path", ARN = "Arn", CREATED = "CreateDate", USER_NAME = "UserName",
            USER_ID = "UserId", GROUP_NAME = "GroupName", GROUP_ID = "GroupId", ROLE_NAME = "RoleName",
            ROLE_ID = "RoleId", USER_POLICIES = "UserPolicyList", GROUP_POLICIES = "GroupPolicyList",
            ROLE_POLICIES = "RolePolicyList", GROUP_LIST = "GroupList", ATTACHED = "AttachedManagedPolicies",
            POLICY_NAME = "PolicyName", POLICY_ARN = "PolicyArn", POLICY_DOCUMENT = "PolicyDocument",
            BOUNDARY = "PermissionsBoundary", BOUNDARY_TYPE = "PermissionsBoundaryType",
            BOUNDARY_ARN = "PermissionsBoundaryArn", TRUST = "AssumeRolePolicyDocument", DESCRIPTION = "Description",
            MAX_SESSION = "MaxSessionDuration", INSTANCE_PROFILES = "InstanceProfileList",
            INSTANCE_PROFILE_NAME = "InstanceProfileName", INSTANCE_PROFILE_ID = "InstanceProfileId";
    static final String LAST_USED = "RoleLastUsed";
    private static final String LAST_USED_DATE = "LastUsedDate", LAST_USED_REGION = "Region", POLICY_ID = "PolicyId",
            DEFAULT_VERSION = "DefaultVersionId", ATTACHMENT_COUNT = "AttachmentCount",
            BOUNDARY_USAGE = "PermissionsBoundaryUsageCount", ATTACHABLE = "IsAttachable", UPDATED = "UpdateDate",
            VERSIONS = "PolicyVersionList", VERSION_DOCUMENT = "Document", VERSION_ID = "VersionId",
            IS_DEFAULT = "IsDefaultVersion";

    private static final GaadReader.Converters CONVERTERS =
            new GaadReader.Converters(GaadCodec::user, GaadCodec::group, GaadCodec::role, GaadCodec::policy);

    GaadCodec() {
        super(SnapshotFiles.GAAD);
    }

    @Override
    public boolean readsInBackground() {
        return false;
    }

    @Override
    public void read(SnapshotFolder folder, SnapshotParts parts) {
        try (InputStream in = new BufferedInputStream(folder.open(SnapshotFiles.GAAD), 1 << 16)) {
            parts.gaad = new GaadReader(folder.mapper(), CONVERTERS).read(in, SnapshotFiles.GAAD);
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot read " + folder.resolve(SnapshotFiles.GAAD) + ": "
                    + e.getMessage(), e);
        }
    }

    // ---- reading one element --------------------------------------------------------------------------------

    static User user(JsonAt u) {
        try {
            return User.builder(u.text(USER_NAME), u.text(ARN))
                    .userId(u.optText(USER_ID))
                    .path(u.optText(PATH))
                    .created(u.instant(CREATED))
                    .groups(u.strings(GROUP_LIST))
                    .inlinePolicies(inline(u, USER_POLICIES))
                    .attachedPolicies(attached(u))
                    .permissionsBoundaryArn(boundary(u))
                    .tags(Json.readTags(u))
                    .build();
        } catch (InvalidInputException e) {
            throw GaadReader.rethrow(u, e);
        }
    }

    static Group group(JsonAt g) {
        try {
            return new Group(g.text(GROUP_NAME), g.optText(GROUP_ID), g.text(ARN), g.optText(PATH),
                    g.instant(CREATED), inline(g, GROUP_POLICIES), attached(g));
        } catch (InvalidInputException e) {
            throw GaadReader.rethrow(g, e);
        }
    }

    static Role role(JsonAt r) {
        try {
            Role.Builder b = Role.builder(r.text(ROLE_NAME), r.text(ARN))
                    .roleId(r.optText(ROLE_ID))
                    .path(r.optText(PATH))
                    .created(r.instant(CREATED))
                    .description(r.optText(DESCRIPTION))
                    .trustPolicy(r.policy(TRUST))
                    .inlinePolicies(inline(r, ROLE_POLICIES))
                    .attachedPolicies(attached(r))
                    .permissionsBoundaryArn(boundary(r))
                    .tags(Json.readTags(r))
                    .lastUsed(roleLastUsed(r.get(LAST_USED)))
                    .instanceProfiles(instanceProfiles(r));
            maxSession(r).ifPresent(b::maxSessionDuration);
            return b.build();
        } catch (InvalidInputException e) {
            throw GaadReader.rethrow(r, e);
        }
    }

    /** {@code MaxSessionDuration} in seconds, when the element has it (GAAD leaves it out; list-roles has it). */
    static java.util.Optional<Duration> maxSession(JsonAt r) {
        return r.has(MAX_SESSION) ? java.util.Optional.of(Duration.ofSeconds(r.integer(MAX_SESSION, 3600)))
                : java.util.Optional.empty();
    }

    /** {@code RoleLastUsed} is {@code {}} for a role never used; null here. */
    static RoleLastUsed roleLastUsed(JsonAt last) {
        if (last.isMissing() || !last.has(LAST_USED_DATE)) {
            return null;
        }
        return new RoleLastUsed(last.instant(LAST_USED_DATE), last.optText(LAST_USED_REGION));
    }

    static ManagedPolicy policy(JsonAt p) {
        try {
            List<PolicyVersion> versions = new ArrayList<>();
            for (JsonAt v : p.list(VERSIONS)) {
                versions.add(new PolicyVersion(v.text(VERSION_ID), v.bool(IS_DEFAULT, false),
                        v.instant(CREATED), v.policy(VERSION_DOCUMENT)));
            }
            Instant created = p.instant(CREATED);
            return ManagedPolicy.builder().name(p.text(POLICY_NAME)).arn(p.text(ARN))
                    .policyId(p.optText(POLICY_ID))
                    .path(p.optText(PATH))
                    .defaultVersionId(p.text(DEFAULT_VERSION))
                    .attachmentCount(p.integer(ATTACHMENT_COUNT, 0))
                    .permissionsBoundaryUsageCount(p.integer(BOUNDARY_USAGE, 0))
                    .isAttachable(p.bool(ATTACHABLE, true))
                    .description(p.optText(DESCRIPTION))
                    .created(created)
                    .updated(p.optInstant(UPDATED).orElse(created))
                    .versions(versions)
                    .build();
        } catch (InvalidInputException e) {
            throw GaadReader.rethrow(p, e);
        }
    }

    private static List<InlinePolicy> inline(JsonAt owner, String field) {
        return owner.list(field).stream().map(p -> new InlinePolicy(p.text(POLICY_NAME), p.policy(POLICY_DOCUMENT)))
                .toList();
    }

    private static List<AttachedPolicy> attached(JsonAt owner) {
        return owner.list(ATTACHED).stream().map(p -> new AttachedPolicy(p.text(POLICY_NAME), p.text(POLICY_ARN)))
                .toList();
    }

    private static String boundary(JsonAt owner) {
        JsonAt b = owner.get(BOUNDARY);
        return b.isMissing() || !b.has(BOUNDARY_ARN) ? null : b.text(BOUNDARY_ARN);
    }

    private static List<InstanceProfile> instanceProfiles(JsonAt r) {
        return r.list(INSTANCE_PROFILES).stream().map(ip -> new InstanceProfile(ip.text(INSTANCE_PROFILE_NAME),
                ip.optText(INSTANCE_PROFILE_ID), ip.text(ARN), ip.optText(PATH), ip.instant(CREATED))).toList();
    }

    // ---- writing (the CLI's form) ---------------------------------------------------------------------------

    @Override
    public void write(AccountSnapshot s, FolderOut out) {
        ObjectNode o = Json.object();
        ArrayNode users = o.putArray(USERS);
        for (User u : s.users()) {
            ObjectNode n = identity(users.addObject(), u.path(), USER_NAME, u.name(), USER_ID, u.userId(), u.arn(),
                    u.created());
            writeInline(n.putArray(USER_POLICIES), u.inlinePolicies());
            Json.putStrings(n, GROUP_LIST, u.groups());
            writeAttached(n, u.attachedPolicies());
            u.permissionsBoundaryArn().ifPresent(b -> writeBoundary(n, b));
            Json.writeTags(n, u.tags());
        }
        ArrayNode groups = o.putArray(GROUPS);
        for (Group g : s.groups()) {
            ObjectNode n = identity(groups.addObject(), g.path(), GROUP_NAME, g.name(), GROUP_ID, g.groupId(), g.arn(),
                    g.created());
            writeInline(n.putArray(GROUP_POLICIES), g.inlinePolicies());
            writeAttached(n, g.attachedPolicies());
        }
        ArrayNode roles = o.putArray(ROLES);
        for (Role r : s.roles()) {
            writeRole(roles.addObject(), r);
        }
        ArrayNode policies = o.putArray(POLICIES);
        for (ManagedPolicy p : s.policies()) {
            writePolicy(policies.addObject(), p);
        }
        out.json(SnapshotFiles.GAAD, o);
    }

    /** The five fields every principal starts with, in the CLI's order; also list-roles' first five. */
    static ObjectNode identity(ObjectNode n, String path, String nameKey, String name, String idKey, String id,
                               String arn, Instant created) {
        n.put(PATH, path);
        n.put(nameKey, name);
        n.put(idKey, id);
        n.put(ARN, arn);
        Json.putTime(n, CREATED, created);
        return n;
    }

    static ObjectNode roleIdentity(ObjectNode n, Role r) {
        return identity(n, r.path(), ROLE_NAME, r.name(), ROLE_ID, r.roleId(), r.arn(), r.created());
    }

    private static void writeRole(ObjectNode n, Role r) {
        roleIdentity(n, r);
        n.set(TRUST, Json.document(r.trustPolicy()));
        ArrayNode ips = n.putArray(INSTANCE_PROFILES);
        for (InstanceProfile ip : r.instanceProfiles()) {
            identity(ips.addObject(), ip.path(), INSTANCE_PROFILE_NAME, ip.name(), INSTANCE_PROFILE_ID, ip.id(),
                    ip.arn(), ip.created());
        }
        writeInline(n.putArray(ROLE_POLICIES), r.inlinePolicies());
        writeAttached(n, r.attachedPolicies());
        r.permissionsBoundaryArn().ifPresent(b -> writeBoundary(n, b));
        Json.writeTags(n, r.tags());
        writeRoleLastUsed(n, r);
    }

    static void writeRoleLastUsed(ObjectNode n, Role r) {
        ObjectNode last = n.putObject(LAST_USED);
        r.lastUsed().ifPresent(l -> {
            Json.putTime(last, LAST_USED_DATE, l.date());
            if (!l.region().isEmpty()) {
                last.put(LAST_USED_REGION, l.region());
            }
        });
    }

    private static void writePolicy(ObjectNode n, ManagedPolicy p) {
        n.put(POLICY_NAME, p.name());
        n.put(POLICY_ID, p.policyId());
        n.put(ARN, p.arn());
        n.put(PATH, p.path());
        n.put(DEFAULT_VERSION, p.defaultVersionId());
        n.put(ATTACHMENT_COUNT, p.attachmentCount());
        n.put(BOUNDARY_USAGE, p.permissionsBoundaryUsageCount());
        n.put(ATTACHABLE, p.isAttachable());
        if (!p.description().isEmpty()) {
            n.put(DESCRIPTION, p.description());
        }
        Json.putTime(n, CREATED, p.created());
        Json.putTime(n, UPDATED, p.updated());
        ArrayNode versions = n.putArray(VERSIONS);
        for (PolicyVersion v : p.versions()) {
            ObjectNode vn = versions.addObject();
            vn.set(VERSION_DOCUMENT, Json.document(v.document()));
            vn.put(VERSION_ID, v.versionId());
            vn.put(IS_DEFAULT, v.isDefault());
            Json.putTime(vn, CREATED, v.created());
        }
    }

    private static void writeInline(ArrayNode into, List<InlinePolicy> policies) {
        for (InlinePolicy p : policies) {
            into.addObject().put(POLICY_NAME, p.name()).set(POLICY_DOCUMENT, Json.document(p.document()));
        }
    }

    private static void writeAttached(ObjectNode n, List<AttachedPolicy> policies) {
        ArrayNode into = n.putArray(ATTACHED);
        for (AttachedPolicy p : policies) {
            into.addObject().put(POLICY_NAME, p.name()).put(POLICY_ARN, p.arn());
        }
    }

    private static void writeBoundary(ObjectNode n, String arn) {
        n.putObject(BOUNDARY).put(BOUNDARY_TYPE, "Policy").put(BOUNDARY_ARN, arn);
    }
}
