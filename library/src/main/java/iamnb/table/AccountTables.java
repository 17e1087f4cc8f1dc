package iamnb.table;

import iamnb.model.AccountSnapshot;
import iamnb.model.AttachedPolicy;
import iamnb.model.Group;
import iamnb.model.InlinePolicy;
import iamnb.model.ManagedPolicy;
import iamnb.model.Principal;
import iamnb.model.Role;
import iamnb.model.Statement;
import iamnb.model.User;
import iamnb.model.UserKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The account's principals, policies, keys and attachments as Tablesaw tables that join on obvious keys:
 * {@code user}, {@code role}, {@code group}, {@code policy_arn}. Ages are whole days as of the snapshot's
 * instant. Every call builds a fresh table (Tablesaw tables are mutable; the account is not).
 */
public final class AccountTables {
    private AccountTables() {}

    /**
     * One row per user: identity, groups, policy counts, boundary, console, MFA, keys, tags. Column names do not
     * clash with the credential report's or {@link #accessKeys}'s, so {@code report.joinOn("user").inner(users)}
     * works as is.
     */
    public static Table users(AccountSnapshot s) {
        StringColumn user = StringColumn.create("user");
        StringColumn arn = StringColumn.create("user_arn");
        StringColumn userId = StringColumn.create("user_id");
        StringColumn path = StringColumn.create("path");
        InstantColumn created = InstantColumn.create("user_created");
        IntColumn age = IntColumn.create("user_age_days");
        StringColumn groups = StringColumn.create("groups");
        IntColumn inline = IntColumn.create("inline_policies");
        IntColumn attached = IntColumn.create("attached_policies");
        StringColumn boundary = StringColumn.create("permissions_boundary");
        BooleanColumn console = BooleanColumn.create("console_access");
        BooleanColumn mfa = BooleanColumn.create("mfa");
        IntColumn keys = IntColumn.create("access_keys");
        IntColumn active = IntColumn.create("active_keys");
        StringColumn tags = StringColumn.create("tags");
        for (User u : s.users()) {
            user.append(u.name());
            arn.append(u.arn());
            userId.append(u.userId());
            path.append(u.path());
            created.append(u.created());
            age.append(days(u.created(), s.asOf()));
            groups.append(String.join(", ", u.groups()));
            inline.append(u.inlinePolicies().size());
            attached.append(u.attachedPolicies().size());
            boundary.append(u.permissionsBoundaryArn().orElse(""));
            // login-profiles.json, mfa-devices.json and access-keys.json, or the credential report without them
            var row = s.credentialReport().flatMap(r -> r.row(u.name()));
            console.append(u.hasConsoleAccess() || row.map(r -> "true".equals(r.get("password_enabled"))).orElse(false));
            mfa.append(u.hasMfa() || row.map(r -> "true".equals(r.get("mfa_active"))).orElse(false));
            List<UserKeys.Key> userKeys = UserKeys.of(s, u);
            keys.append(userKeys.size());
            active.append((int) userKeys.stream().filter(UserKeys.Key::active).count());
            tags.append(tags(u.tags()));
        }
        return Table.create("users", user, arn, userId, path, created, age, groups, inline, attached, boundary, console,
                mfa, keys, active, tags);
    }

    /** One row per role: trust summary, policies, boundary, session length, last use. */
    public static Table roles(AccountSnapshot s) {
        StringColumn role = StringColumn.create("role");
        StringColumn arn = StringColumn.create("role_arn");
        StringColumn roleId = StringColumn.create("role_id");
        StringColumn path = StringColumn.create("path");
        InstantColumn created = InstantColumn.create("role_created");
        IntColumn age = IntColumn.create("role_age_days");
        StringColumn description = StringColumn.create("description");
        BooleanColumn serviceLinked = BooleanColumn.create("service_linked");
        StringColumn trusted = StringColumn.create("trusted_principals");
        IntColumn inline = IntColumn.create("inline_policies");
        IntColumn attached = IntColumn.create("attached_policies");
        StringColumn boundary = StringColumn.create("permissions_boundary");
        IntColumn maxSession = IntColumn.create("max_session_seconds");
        InstantColumn lastUsed = InstantColumn.create("last_used");
        StringColumn lastRegion = StringColumn.create("last_used_region");
        IntColumn idle = IntColumn.create("days_since_use");
        IntColumn profiles = IntColumn.create("instance_profiles");
        StringColumn tags = StringColumn.create("tags");
        for (Role r : s.roles()) {
            role.append(r.name());
            arn.append(r.arn());
            roleId.append(r.roleId());
            path.append(r.path());
            created.append(r.created());
            age.append(days(r.created(), s.asOf()));
            description.append(r.description());
            serviceLinked.append(r.isServiceLinked());
            trusted.append(trustedPrincipals(r));
            inline.append(r.inlinePolicies().size());
            attached.append(r.attachedPolicies().size());
            boundary.append(r.permissionsBoundaryArn().orElse(""));
            maxSession.append((int) r.maxSessionDuration().toSeconds());
            if (r.lastUsed().isPresent()) {
                lastUsed.append(r.lastUsed().get().date());
                lastRegion.append(r.lastUsed().get().region());
                idle.append(days(r.lastUsed().get().date(), s.asOf()));
            } else {
                lastUsed.appendMissing();
                lastRegion.append("");
                idle.appendMissing();
            }
            profiles.append(r.instanceProfiles().size());
            tags.append(tags(r.tags()));
        }
        return Table.create("roles", role, arn, roleId, path, created, age, description, serviceLinked, trusted, inline,
                attached, boundary, maxSession, lastUsed, lastRegion, idle, profiles, tags);
    }

    /** One row per group with its member count and names. */
    public static Table groups(AccountSnapshot s) {
        Map<String, List<String>> members = new HashMap<>();
        for (User u : s.users()) {
            for (String g : u.groups()) {
                members.computeIfAbsent(g, k -> new java.util.ArrayList<>()).add(u.name());
            }
        }
        StringColumn group = StringColumn.create("group");
        StringColumn arn = StringColumn.create("group_arn");
        StringColumn groupId = StringColumn.create("group_id");
        StringColumn path = StringColumn.create("path");
        InstantColumn created = InstantColumn.create("group_created");
        IntColumn memberCount = IntColumn.create("members");
        StringColumn memberNames = StringColumn.create("member_names");
        IntColumn inline = IntColumn.create("inline_policies");
        IntColumn attached = IntColumn.create("attached_policies");
        for (Group g : s.groups()) {
            List<String> m = members.getOrDefault(g.name(), List.of());
            group.append(g.name());
            arn.append(g.arn());
            groupId.append(g.groupId());
            path.append(g.path());
            created.append(g.created());
            memberCount.append(m.size());
            memberNames.append(String.join(", ", m));
            inline.append(g.inlinePolicies().size());
            attached.append(g.attachedPolicies().size());
        }
        return Table.create("groups", group, arn, groupId, path, created, memberCount, memberNames, inline, attached);
    }

    /** One row per managed policy, keyed by {@code policy_arn}. */
    public static Table policies(AccountSnapshot s) {
        StringColumn name = StringColumn.create("policy_name");
        StringColumn arn = StringColumn.create("policy_arn");
        StringColumn policyId = StringColumn.create("policy_id");
        StringColumn path = StringColumn.create("path");
        BooleanColumn awsManaged = BooleanColumn.create("aws_managed");
        IntColumn attachments = IntColumn.create("attachment_count");
        IntColumn boundaryUses = IntColumn.create("boundary_usage_count");
        StringColumn defaultVersion = StringColumn.create("default_version");
        IntColumn versions = IntColumn.create("versions");
        IntColumn statements = IntColumn.create("statements");
        InstantColumn created = InstantColumn.create("policy_created");
        InstantColumn updated = InstantColumn.create("policy_updated");
        StringColumn description = StringColumn.create("description");
        for (ManagedPolicy p : s.policies()) {
            name.append(p.name());
            arn.append(p.arn());
            policyId.append(p.policyId());
            path.append(p.path());
            awsManaged.append(p.isAwsManaged());
            attachments.append(p.attachmentCount());
            boundaryUses.append(p.permissionsBoundaryUsageCount());
            defaultVersion.append(p.defaultVersionId());
            versions.append(p.versions().size());
            statements.append(p.document().statements().size());
            created.append(p.created());
            updated.append(p.updated());
            description.append(p.description());
        }
        return Table.create("policies", name, arn, policyId, path, awsManaged, attachments, boundaryUses, defaultVersion,
                versions, statements, created, updated, description);
    }

    /**
     * One row per access key: metadata and use, never a secret. Without the key metadata a key is known from the
     * credential report only, and {@code access_key_id} names its slot ("key 1", "key 2").
     */
    public static Table accessKeys(AccountSnapshot s) {
        StringColumn user = StringColumn.create("user");
        StringColumn keyId = StringColumn.create("access_key_id");
        StringColumn status = StringColumn.create("status");
        BooleanColumn active = BooleanColumn.create("active");
        InstantColumn created = InstantColumn.create("created");
        IntColumn age = IntColumn.create("age_days");
        InstantColumn lastUsed = InstantColumn.create("last_used");
        StringColumn service = StringColumn.create("last_used_service");
        StringColumn region = StringColumn.create("last_used_region");
        IntColumn idle = IntColumn.create("days_since_use");
        for (UserKeys.Key k : UserKeys.of(s)) {   // key metadata, or the credential report's slots without it
            user.append(k.userName());
            keyId.append(k.label());
            status.append(k.status().json());
            active.append(k.active());
            created.append(k.created());
            age.append(days(k.created(), s.asOf()));
            if (k.lastUsed().isPresent()) {
                lastUsed.append(k.lastUsed().get().date());
                service.append(naToEmpty(k.lastUsed().get().service()));
                region.append(naToEmpty(k.lastUsed().get().region()));
                idle.append(days(k.lastUsed().get().date(), s.asOf()));
            } else {
                lastUsed.appendMissing();
                service.append("");
                region.append("");
                idle.appendMissing();
            }
        }
        return Table.create("access keys", user, keyId, status, active, created, age, lastUsed, service, region, idle);
    }

    /**
     * Every policy that applies to a principal, one row each: {@code via} is {@code direct} (attached managed
     * policy), {@code inline}, or {@code group:NAME} for what a user inherits from a group; {@code kind} is
     * {@code managed} or {@code inline} ({@code policy_arn} is empty for inline policies).
     */
    public static Table attachments(AccountSnapshot s) {
        StringColumn type = StringColumn.create("principal_type");
        StringColumn principal = StringColumn.create("principal");
        StringColumn name = StringColumn.create("policy_name");
        StringColumn arn = StringColumn.create("policy_arn");
        StringColumn via = StringColumn.create("via");
        StringColumn kind = StringColumn.create("kind");
        Rows rows = (t, p, n, a, v, k) -> {
            type.append(t);
            principal.append(p);
            name.append(n);
            arn.append(a);
            via.append(v);
            kind.append(k);
        };
        Map<String, Group> groups = s.groups().stream().collect(Collectors.toMap(Group::name, g -> g));
        for (User u : s.users()) {
            direct(rows, "user", u.name(), u.attachedPolicies(), u.inlinePolicies());
            for (String gName : u.groups()) {
                Group g = groups.get(gName);
                if (g == null) {
                    continue;
                }
                for (AttachedPolicy a : g.attachedPolicies()) {
                    rows.add("user", u.name(), a.name(), a.arn(), "group:" + g.name(), "managed");
                }
                for (InlinePolicy p : g.inlinePolicies()) {
                    rows.add("user", u.name(), p.name(), "", "group:" + g.name(), "inline");
                }
            }
        }
        for (Group g : s.groups()) {
            direct(rows, "group", g.name(), g.attachedPolicies(), g.inlinePolicies());
        }
        for (Role r : s.roles()) {
            direct(rows, "role", r.name(), r.attachedPolicies(), r.inlinePolicies());
        }
        return Table.create("attachments", type, principal, name, arn, via, kind);
    }

    private interface Rows {
        void add(String type, String principal, String name, String arn, String via, String kind);
    }

    private static void direct(Rows rows, String type, String principal, List<AttachedPolicy> attached,
                               List<InlinePolicy> inline) {
        for (AttachedPolicy a : attached) {
            rows.add(type, principal, a.name(), a.arn(), "direct", "managed");
        }
        for (InlinePolicy p : inline) {
            rows.add(type, principal, p.name(), "", "inline", "inline");
        }
    }

    /** Who the trust policy's Allow statements name, e.g. {@code AWS:arn:aws:iam::111111111111:root, Service:ec2.amazonaws.com}. */
    static String trustedPrincipals(Role r) {
        Set<String> out = new LinkedHashSet<>();
        for (Statement st : r.trustPolicy().statements()) {
            if (!st.isAllow() || st.principal().isEmpty()) {
                continue;
            }
            Principal p = st.principal().get();
            if (p.anyone()) {
                out.add("*");
            }
            p.values().forEach((t, vs) -> vs.forEach(v -> out.add(t + ":" + v)));
        }
        return String.join(", ", out);
    }

    static int days(Instant from, Instant asOf) {
        return (int) Duration.between(from, asOf).toDays();
    }

    private static String naToEmpty(String v) {
        return "N/A".equals(v) ? "" : v;
    }

    private static String tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
