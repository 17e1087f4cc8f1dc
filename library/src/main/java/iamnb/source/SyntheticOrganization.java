package iamnb.source;

import iamnb.InvalidInputException;
import iamnb.model.AccountSnapshot;
import iamnb.model.AttachedPolicy;
import iamnb.model.InlinePolicy;
import iamnb.model.OrgAccount;
import iamnb.model.OrgPolicy;
import iamnb.model.OrgUnit;
import iamnb.model.Organization;
import iamnb.model.PolicyDocument;
import iamnb.model.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Generates an organization of many {@link SyntheticAccount}s, for benchmarks and load tests, deterministically
 * for a seed. Members are made one at a time when asked for ({@link #source()}), so {@link #writeTo(Path)} writes
 * a thousand accounts with one in memory.
 *
 * <p>The shape: account {@code 200000000000} is the management account (at the root), {@code 200000000001} is
 * tools-ci (in the first OU), the others are spread over {@code max(2, accounts / 50)} OUs; every second OU has
 * the {@code guardrails} SCP (deny leaving the organization, deny stopping CloudTrail), the others only {@code
 * FullAWSAccess}. On top of each member's generated users and roles (whose own cross-account roles trust random
 * accounts outside the organization, two in three with an ExternalId):
 *
 * <ul>
 *   <li>{@code audit-readonly} in every member, trusting the management account's {@code security-audit};</li>
 *   <li>{@code org-deploy} (PowerUserAccess) in every member but the management account, trusting tools-ci's
 *       {@code ci-pipeline} with an ExternalId; {@code ci-pipeline} may assume {@code org-deploy} anywhere;</li>
 *   <li>{@code partner-access} in one member in ten, trusting an account outside the organization, with an
 *       ExternalId except in one member in thirty;</li>
 *   <li>one chained path to admin per hundred members ({@link #chainedPaths()}): role {@code chain-start} in
 *       account B may assume {@code chain-hop} in account A, which trusts the whole of B without conditions and may
 *       assume {@code chain-admin} (AdministratorAccess) in account C, which trusts {@code chain-hop}.</li>
 * </ul>
 */
public final class SyntheticOrganization {
    /** The first account id; member {@code i} is {@code FIRST_ACCOUNT + i}. */
    public static final long FIRST_ACCOUNT = 200_000_000_000L;
    private static final String ORG_ID = "o-synthetic01";
    private static final String ROOT_ID = "r-syn0";
    private static final String AWS = "arn:aws:iam::aws:policy/";
    private static final int GROUPS = 5;
    private static final int POLICIES = 20;

    private final int accounts;
    private final int users;
    private final int roles;
    private final long seed;
    private final Organization organization;

    /** One chained path to admin: {@code start} may assume {@code hop}, which may assume {@code admin}. */
    public record ChainedPath(String start, String hop, String admin) {}

    private SyntheticOrganization(int accounts, int users, int roles, long seed) {
        this.accounts = accounts;
        this.users = users;
        this.roles = roles;
        this.seed = seed;
        this.organization = buildOrganization();
    }

    /**
     * An organization of {@code accounts} members, each with {@code users} users and {@code roles} generated roles
     * (plus the organization's own roles listed above).
     *
     * @throws InvalidInputException when there are fewer than two accounts or a count is negative
     */
    public static SyntheticOrganization of(int accounts, int users, int roles, long seed) {
        if (accounts < 2 || accounts > 100_000) {
            throw new InvalidInputException("a synthetic organization needs 2 to 100000 accounts (a management and a"
                    + " tools account at least), got " + accounts);
        }
        if (users < 0 || roles < 0) {
            throw new InvalidInputException("users and roles must not be negative, got " + users + " and " + roles);
        }
        return new SyntheticOrganization(accounts, users, roles, seed);
    }

    /** The id of member {@code i} (0 is the management account, 1 tools-ci). */
    public static String accountId(int i) {
        return Long.toString(FIRST_ACCOUNT + i);
    }

    public Organization organization() {
        return organization;
    }

    /** The organization as a source: every member collected, made by {@link #member(int)} when loaded. */
    public OrgSource source() {
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < accounts; i++) {
            ids.add(accountId(i));
        }
        return new InMemoryOrg(organization, ids, id -> "not generated",
                id -> member(Math.toIntExact(Long.parseLong(id) - FIRST_ACCOUNT)), SyntheticAccount.AS_OF,
                "synthetic organization of " + accounts + " accounts × (" + users + " users, " + roles
                        + " roles), seed " + seed);
    }

    /**
     * Writes the organization snapshot folder, generating and writing one member at a time.
     *
     * @return the set digest
     */
    public String writeTo(Path dir) {
        return new OrgSnapshotWriter().write(source(), dir);
    }

    /** Every chained path to admin planted, in account order. */
    public List<ChainedPath> chainedPaths() {
        List<ChainedPath> out = new ArrayList<>();
        for (int a : chainHops()) {
            out.add(new ChainedPath(roleArn(a + 1, "chain-start"), roleArn(a, "chain-hop"), roleArn(a + 2, "chain-admin")));
        }
        return out;
    }

    /** The accounts holding a {@code chain-hop}: one per hundred members, from member 2, with two after it. */
    private List<Integer> chainHops() {
        List<Integer> out = new ArrayList<>();
        for (int a = 2; a + 2 < accounts; a += 100) {
            out.add(a);
        }
        return out;
    }

    private int ouCount() {
        return Math.max(2, accounts / 50);
    }

    // ---- the organization --------------------------------------------------------------------------------------

    private Organization buildOrganization() {
        String mgmt = accountId(0);
        OrgPolicy full = new OrgPolicy("p-FullAWSAccess",
                "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess", "FullAWSAccess",
                "Allows access to every operation", OrgPolicy.SCP, true,
                doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
        OrgPolicy guardrails = new OrgPolicy("p-guardrails", "arn:aws:organizations::" + mgmt + ":policy/" + ORG_ID
                + "/service_control_policy/p-guardrails", "guardrails", "Stay in the organization, keep CloudTrail on",
                OrgPolicy.SCP, false, doc("""
                        {"Version":"2012-10-17","Statement":[
                        {"Sid":"DenyLeaveOrganization","Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"},
                        {"Sid":"ProtectCloudTrail","Effect":"Deny","Action":["cloudtrail:StopLogging","cloudtrail:DeleteTrail"],"Resource":"*"}]}"""));
        List<OrgUnit> units = new ArrayList<>();
        units.add(new OrgUnit(ROOT_ID, "arn:aws:organizations::" + mgmt + ":root/" + ORG_ID + "/" + ROOT_ID, "Root", "",
                List.of(full.id())));
        for (int k = 0; k < ouCount(); k++) {
            String id = ouId(k);
            units.add(new OrgUnit(id, "arn:aws:organizations::" + mgmt + ":ou/" + ORG_ID + "/" + id,
                    (k == 0 ? "shared-" : "unit-") + k, ROOT_ID,
                    k % 2 == 0 ? List.of(full.id(), guardrails.id()) : List.of(full.id())));
        }
        List<OrgAccount> members = new ArrayList<>(accounts);
        for (int i = 0; i < accounts; i++) {
            String id = accountId(i);
            String parent = i == 0 ? ROOT_ID : i == 1 ? ouId(0) : ouId(i % ouCount());
            members.add(new OrgAccount(id, "arn:aws:organizations::" + mgmt + ":account/" + ORG_ID + "/" + id,
                    alias(i), "aws+" + id + "@example.com", "ACTIVE", parent, List.of(full.id())));
        }
        return new Organization(ORG_ID, "arn:aws:organizations::" + mgmt + ":organization/" + ORG_ID, mgmt, "ALL",
                units, members, List.of(full, guardrails));
    }

    private static String ouId(int k) {
        return String.format("ou-syn0-%08d", k);
    }

    private static String alias(int i) {
        return i == 0 ? "management" : i == 1 ? "tools-ci" : String.format("member-%05d", i);
    }

    // ---- one member ----------------------------------------------------------------------------------------------

    /** Member {@code i}: a synthetic account of the organization's size with the organization's roles added. */
    public AccountSnapshot member(int i) {
        if (i < 0 || i >= accounts) {
            throw new InvalidInputException("member " + i + " is not in a synthetic organization of " + accounts
                    + " accounts");
        }
        return SyntheticAccount.generate(accountId(i), alias(i), users, roles, GROUPS, POLICIES,
                seed * 1_000_003L + i, organizationRoles(i));
    }

    private List<Role> organizationRoles(int i) {
        List<Role> out = new ArrayList<>();
        String tools = accountId(1);
        if (i == 0) {
            out.add(role(i, 0, "security-audit", trust("\"AWS\":\"arn:aws:iam::" + accountId(0) + ":root\"",
                    "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"), AWS + "SecurityAudit",
                    assume("arn:aws:iam::*:role/audit-readonly")));
        } else {
            out.add(role(i, 1, "org-deploy", trust("\"AWS\":\"arn:aws:iam::" + tools + ":role/ci-pipeline\"",
                    externalId("deploy-" + accountId(i))), AWS + "PowerUserAccess", null));
        }
        out.add(role(i, 2, "audit-readonly", trust("\"AWS\":\"arn:aws:iam::" + accountId(0) + ":role/security-audit\"",
                null), AWS + "SecurityAudit", null));
        if (i == 1) {
            out.add(role(i, 3, "ci-pipeline", trust("\"Service\":\"codebuild.amazonaws.com\"", null), null,
                    assume("arn:aws:iam::*:role/org-deploy")));
        }
        if (i % 10 == 3) {
            String outside = String.format("%012d", 900_000_000_000L + i);
            out.add(role(i, 4, "partner-access", trust("\"AWS\":\"arn:aws:iam::" + outside + ":root\"",
                    i % 30 == 3 ? null : externalId("partner-" + i)), AWS + "ReadOnlyAccess", null));
        }
        for (int a : chainHops()) {
            if (i == a) {
                out.add(role(i, 5, "chain-hop", trust("\"AWS\":\"arn:aws:iam::" + accountId(a + 1) + ":root\"", null),
                        null, assume(roleArn(a + 2, "chain-admin"))));
            } else if (i == a + 1) {
                out.add(role(i, 6, "chain-start", trust("\"Service\":\"ec2.amazonaws.com\"", null), null,
                        assume(roleArn(a, "chain-hop"))));
            } else if (i == a + 2) {
                out.add(role(i, 7, "chain-admin", trust("\"AWS\":\"" + roleArn(a, "chain-hop") + "\"", null),
                        AWS + "AdministratorAccess", null));
            }
        }
        return out;
    }

    private static String roleArn(int account, String name) {
        return "arn:aws:iam::" + accountId(account) + ":role/" + name;
    }

    private static Role role(int account, int k, String name, String trust, String managedArn, String inline) {
        Role.Builder b = Role.builder(name, roleArn(account, name))
                .roleId(String.format("AROAORG%06d%07d", account, k))
                .created(SyntheticAccount.AS_OF.minusSeconds(86_400L * (100 + k)))
                .trustPolicy(doc(trust));
        if (managedArn != null) {
            b.attachedPolicies(List.of(new AttachedPolicy(managedArn.substring(managedArn.lastIndexOf('/') + 1), managedArn)));
        }
        if (inline != null) {
            b.inlinePolicies(List.of(new InlinePolicy("organization-access", doc(inline))));
        }
        return b.build();
    }

    /** A trust policy allowing {@code principal} (a JSON member such as {@code "AWS":"arn..."}) to assume the role. */
    private static String trust(String principal, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{" + principal
                + "},\"Action\":\"sts:AssumeRole\"" + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    private static String externalId(String value) {
        return "{\"StringEquals\":{\"sts:ExternalId\":\"" + value + "\"}}";
    }

    private static String assume(String roleArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Resource\":\"" + roleArn + "\"}]}";
    }

    private static PolicyDocument doc(String json) {
        return PolicyDocument.parse(json, "synthetic organization");
    }
}
