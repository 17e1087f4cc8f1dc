package iamnb.table;

import iamnb.model.AccessKey;
import iamnb.model.AccountSnapshot;
import iamnb.model.AttachedPolicy;
import iamnb.model.Group;
import iamnb.model.InlinePolicy;
import iamnb.model.ManagedPolicy;
import iamnb.model.Principal;
import iamnb.model.Role;
import iamnb.model.RoleLastUsed;
import iamnb.model.Statement;
import iamnb.model.User;
import iamnb.model.UserKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
        return new Columns<User>()
                .text("user", User::name).text("user_arn", User::arn).text("user_id", User::userId)
                .text("path", User::path).instant("user_created", User::created)
                .number("user_age_days", u -> days(u.created(), s.asOf()))
                .text("groups", u -> String.join(", ", u.groups()))
                .number("inline_policies", u -> u.inlinePolicies().size())
                .number("attached_policies", u -> u.attachedPolicies().size())
                .text("permissions_boundary", u -> u.permissionsBoundaryArn().orElse(""))
                // login-profiles.json, mfa-devices.json and access-keys.json, or the credential report without them
                .flag("console_access", u -> u.hasConsoleAccess() || reported(s, u, "password_enabled"))
                .flag("mfa", u -> u.hasMfa() || reported(s, u, "mfa_active"))
                .number("access_keys", u -> UserKeys.of(s, u).size())
                .number("active_keys", u -> (int) UserKeys.of(s, u).stream().filter(UserKeys.Key::active).count())
                .text("tags", u -> tags(u.tags()))
                .table(named("users", s), s.users());
    }

    /** One row per role: trust summary, policies, boundary, session length, last use. */
    public static Table roles(AccountSnapshot s) {
        return new Columns<Role>()
                .text("role", Role::name).text("role_arn", Role::arn).text("role_id", Role::roleId)
                .text("path", Role::path).instant("role_created", Role::created)
                .number("role_age_days", r -> days(r.created(), s.asOf()))
                .text("description", Role::description).flag("service_linked", Role::isServiceLinked)
                .text("trusted_principals", AccountTables::trustedPrincipals)
                .number("inline_policies", r -> r.inlinePolicies().size())
                .number("attached_policies", r -> r.attachedPolicies().size())
                .text("permissions_boundary", r -> r.permissionsBoundaryArn().orElse(""))
                .number("max_session_seconds", r -> (int) r.maxSessionDuration().toSeconds())
                .instant("last_used", r -> r.lastUsed().map(RoleLastUsed::date).orElse(null))
                .text("last_used_region", r -> r.lastUsed().map(RoleLastUsed::region).orElse(""))
                .number("days_since_use", r -> r.lastUsed().map(l -> days(l.date(), s.asOf())).orElse(null))
                .number("instance_profiles", r -> r.instanceProfiles().size())
                .text("tags", r -> tags(r.tags()))
                .table(named("roles", s), s.roles());
    }

    /** One row per group with its member count and names. */
    public static Table groups(AccountSnapshot s) {
        Map<String, List<String>> members = new HashMap<>();
        for (User u : s.users()) {
            for (String g : u.groups()) {
                members.computeIfAbsent(g, k -> new ArrayList<>()).add(u.name());
            }
        }
        return new Columns<Group>()
                .text("group", Group::name).text("group_arn", Group::arn).text("group_id", Group::groupId)
                .text("path", Group::path).instant("group_created", Group::created)
                .number("members", g -> members.getOrDefault(g.name(), List.of()).size())
                .text("member_names", g -> String.join(", ", members.getOrDefault(g.name(), List.of())))
                .number("inline_policies", g -> g.inlinePolicies().size())
                .number("attached_policies", g -> g.attachedPolicies().size())
                .table(named("groups", s), s.groups());
    }

    /** One row per managed policy, keyed by {@code policy_arn}. */
    public static Table policies(AccountSnapshot s) {
        return new Columns<ManagedPolicy>()
                .text("policy_name", ManagedPolicy::name).text("policy_arn", ManagedPolicy::arn)
                .text("policy_id", ManagedPolicy::policyId).text("path", ManagedPolicy::path)
                .flag("aws_managed", ManagedPolicy::isAwsManaged)
                .number("attachment_count", ManagedPolicy::attachmentCount)
                .number("boundary_usage_count", ManagedPolicy::permissionsBoundaryUsageCount)
                .text("default_version", ManagedPolicy::defaultVersionId)
                .number("versions", p -> p.versions().size())
                .number("statements", p -> p.document().statements().size())
                .instant("policy_created", ManagedPolicy::created).instant("policy_updated", ManagedPolicy::updated)
                .text("description", ManagedPolicy::description)
                .table(named("policies", s), s.policies());
    }

    /**
     * One row per access key: metadata and use, never a secret. Without the key metadata a key is known from the
     * credential report only, and {@code access_key_id} names its slot ("key 1", "key 2").
     */
    public static Table accessKeys(AccountSnapshot s) {
        return new Columns<UserKeys.Key>()   // key metadata, or the credential report's slots without it
                .text("user", UserKeys.Key::userName).text("access_key_id", UserKeys.Key::label)
                .text("status", k -> k.status().json()).flag("active", UserKeys.Key::active)
                .instant("created", UserKeys.Key::created).number("age_days", k -> days(k.created(), s.asOf()))
                .instant("last_used", k -> k.lastUsed().map(AccessKey.KeyLastUsed::date).orElse(null))
                .text("last_used_service", k -> k.lastUsed().map(l -> naToEmpty(l.service())).orElse(""))
                .text("last_used_region", k -> k.lastUsed().map(l -> naToEmpty(l.region())).orElse(""))
                .number("days_since_use", k -> k.lastUsed().map(l -> days(l.date(), s.asOf())).orElse(null))
                .table(named("access keys", s), UserKeys.of(s));
    }

    /** Whether the user's credential report row says "true" in this column (false without a row). */
    private static boolean reported(AccountSnapshot s, User u, String column) {
        return s.credentialReport().flatMap(r -> r.row(u.name())).map(r -> "true".equals(r.get(column))).orElse(false);
    }

    /**
     * "access keys as of 2026-11-01T00:00:00Z": a Tablesaw table keeps its name through {@code where}, sorts and
     * column selections, so a chart drawn from a filtered table still knows the instant it describes.
     */
    static String named(String what, AccountSnapshot s) {
        return what + " as of " + s.asOf();
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
        return Table.create(named("attachments", s), type, principal, name, arn, via, kind);
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
