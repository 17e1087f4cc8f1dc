package iamnb.bench;

import iamnb.model.AccountSnapshot;
import iamnb.model.AttachedPolicy;
import iamnb.model.ManagedPolicy;
import iamnb.model.OrgAccount;
import iamnb.model.OrgPolicy;
import iamnb.model.OrgUnit;
import iamnb.model.Organization;
import iamnb.model.PolicyDocument;
import iamnb.model.PolicyVersion;
import iamnb.model.Role;
import iamnb.model.User;
import iamnb.source.InMemoryOrg;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Generates an organization of {@code n} member accounts for benchmarks, each made on request (so an organization of a
 * thousand accounts is never all in memory): users and roles in the proportions of real estates, with cross-account
 * trusts between members — deploy roles trusting other accounts' roots (some with an external id), admin roles trusting
 * one deploy role of another account, read roles open to the whole organization by {@code aws:PrincipalOrgID}, vendor
 * roles trusting accounts outside, services and OIDC. Deterministic: account {@code i} depends only on the seed and i.
 */
final class SyntheticOrganization {
    static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    static final String ORG_ID = "o-synthetic01";
    private static final String[] SERVICES = {"lambda.amazonaws.com", "ec2.amazonaws.com", "ecs-tasks.amazonaws.com",
        "glue.amazonaws.com", "states.amazonaws.com"};
    private static final String[] SERVICE_PREFIXES = {"s3", "dynamodb", "sqs", "sns", "logs", "kms", "ec2", "ssm"};

    private final int accounts;
    private final int users;
    private final int roles;
    private final long seed;
    private final PolicyDocument adminDoc = doc(statement("Allow", "\"*\"", "\"*\"", ""));

    SyntheticOrganization(int accounts, int users, int roles, long seed) {
        this.accounts = accounts;
        this.users = users;
        this.roles = roles;
        this.seed = seed;
    }

    static String accountId(int i) {
        return String.format("%012d", 500000000000L + i);
    }

    InMemoryOrg source() {
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < accounts; i++) {
            ids.add(accountId(i));
        }
        return new InMemoryOrg(organization(), ids, id -> "not generated", this::account, AS_OF,
                "synthetic organization of " + accounts + " accounts, seed " + seed);
    }

    Organization organization() {
        OrgPolicy full = new OrgPolicy("p-FullAWSAccess", "", "FullAWSAccess", "", OrgPolicy.SCP, true, adminDoc);
        OrgPolicy sandbox = new OrgPolicy("p-sandbox", "", "SandboxNoAdminAssume", "", OrgPolicy.SCP, false,
                doc(statement("Deny", "\"sts:AssumeRole\"", "\"arn:aws:iam::*:role/admin-*\"", "")));
        List<OrgUnit> units = List.of(new OrgUnit("r-root", "", "Root", "", List.of("p-FullAWSAccess")),
                new OrgUnit("ou-prod", "", "prod", "r-root", List.of("p-FullAWSAccess")),
                new OrgUnit("ou-dev", "", "dev", "r-root", List.of("p-FullAWSAccess")),
                new OrgUnit("ou-sandbox", "", "sandbox", "r-root", List.of("p-FullAWSAccess", "p-sandbox")));
        List<OrgAccount> list = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            String ou = i == 0 ? "r-root" : i % 10 == 9 ? "ou-sandbox" : i % 3 == 0 ? "ou-prod" : "ou-dev";
            list.add(new OrgAccount(accountId(i), "", "account-" + i, "", "ACTIVE", ou, List.of("p-FullAWSAccess")));
        }
        return new Organization(ORG_ID, "", accountId(0), "ALL", units, list, List.of(full, sandbox));
    }

    private String other(SplittableRandom r, int self) {
        if (accounts == 1) {
            return accountId(self);
        }
        int o = r.nextInt(accounts - 1);
        return accountId(o >= self ? o + 1 : o);
    }

    AccountSnapshot account(String id) {
        int index = (int) (Long.parseLong(id) - 500000000000L);
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        String a = "arn:aws:iam::" + id + ":";
        List<ManagedPolicy> policies = new ArrayList<>();
        policies.add(managed("AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess", adminDoc));
        // the accounts this one deploys to: its users may assume deploy roles there, and only there
        String deployTo = "[\"arn:aws:iam::" + other(r, index) + ":role/deploy-*\",\"arn:aws:iam::" + other(r, index)
                + ":role/deploy-*\"]";
        policies.add(managed("assume-deploy", a + "policy/assume-deploy",
                doc(statement("Allow", "\"sts:AssumeRole\"", deployTo, ""))));
        policies.add(managed("assume-admin", a + "policy/assume-admin",
                doc(statement("Allow", "\"sts:AssumeRole\"", "\"arn:aws:iam::*:role/admin-*\"", ""))));
        for (int i = 0; i < 12; i++) {
            String svc = SERVICE_PREFIXES[r.nextInt(SERVICE_PREFIXES.length)];
            policies.add(managed(svc + "-access-" + i, a + "policy/" + svc + "-access-" + i,
                    doc(statement("Allow", "[\"" + svc + ":Get*\",\"" + svc + ":List*\",\"" + svc + ":Put*\"]",
                            "\"arn:aws:" + svc + ":us-east-1:" + id + ":res-" + i + "/*\"", ""))));
        }
        List<User> userList = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String name = "user-" + i;
            User.Builder b = User.builder(name, a + "user/" + name).userId("AIDA" + id + "U" + i).created(AS_OF);
            int kind = r.nextInt(100);
            if (kind < 4) {
                b.addAttachedPolicy(attached(policies.get(0)));
            } else if (kind < 24) {
                b.addAttachedPolicy(attached(policies.get(1)));
            }
            b.addAttachedPolicy(attached(policies.get(3 + r.nextInt(12))));
            userList.add(b.build());
        }
        List<Role> roleList = new ArrayList<>();
        for (int i = 0; i < roles; i++) {
            // role kinds by index, so that a trust naming "deploy-125" of another account names a role that exists
            int kind = i < 120 ? 0 : i < 140 ? 600 : i < 143 ? 700 : i < 144 && index % 5 == 0 ? 715 : i < 160 ? 720 : i < 170 ? 800
                    : i < 180 ? 850 : 900;
            String name;
            String trust;
            List<ManagedPolicy> attach = new ArrayList<>();
            if (kind < 600) {
                name = "svc-" + i;
                trust = statement("Allow", "\"sts:AssumeRole\"", null,
                        "\"Principal\":{\"Service\":\"" + SERVICES[r.nextInt(SERVICES.length)] + "\"}");
                attach.add(policies.get(3 + r.nextInt(12)));
            } else if (kind < 700) {
                name = "deploy-" + i;
                String condition = r.nextInt(3) == 0
                        ? ",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"ext-" + id + "-" + i + "\"}}" : "";
                // most deploy roles trust one CI role of another account, some that account's root
                String trusted = r.nextInt(10) < 3 ? "arn:aws:iam::" + other(r, index) + ":root"
                        : "arn:aws:iam::" + other(r, index) + ":role/deploy-" + (120 + r.nextInt(20));
                trust = statement("Allow", "\"sts:AssumeRole\"", null, "\"Principal\":{\"AWS\":\"" + trusted + "\"}"
                        + condition);
                attach.add(policies.get(3 + r.nextInt(12)));
                if (r.nextInt(10) < 3) {
                    attach.add(policies.get(2));
                }
            } else if (kind < 715) {
                name = "admin-" + i;
                trust = statement("Allow", "\"sts:AssumeRole\"", null, "\"Principal\":{\"AWS\":\"arn:aws:iam::"
                        + other(r, index) + ":role/deploy-" + (120 + r.nextInt(20)) + "\"}");
                attach.add(policies.get(0));
            } else if (kind < 720) {
                name = "org-read-" + i;
                trust = statement("Allow", "\"sts:AssumeRole\"", null, "\"Principal\":{\"AWS\":\"*\"},\"Condition\":"
                        + "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"" + ORG_ID + "\"}}");
                attach.add(policies.get(3 + r.nextInt(12)));
            } else if (kind < 800) {
                name = "ops-" + i;
                trust = statement("Allow", "\"sts:AssumeRole\"", null, "\"Principal\":{\"AWS\":\"" + a + "root\"},"
                        + "\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}");
                attach.add(policies.get(3 + r.nextInt(12)));
                if (r.nextInt(20) == 0) {
                    attach.add(policies.get(0));
                }
            } else if (kind < 850) {
                name = "vendor-" + i;
                trust = statement("Allow", "\"sts:AssumeRole\"", null, "\"Principal\":{\"AWS\":\"arn:aws:iam::"
                        + String.format("%012d", 700000000000L + r.nextInt(50)) + ":root\"},\"Condition\":"
                        + "{\"StringEquals\":{\"sts:ExternalId\":\"vendor-" + i + "\"}}");
                attach.add(policies.get(3 + r.nextInt(12)));
            } else if (kind < 900) {
                name = "irsa-" + i;
                String oidc = "oidc.eks.us-east-1.amazonaws.com/id/" + id;
                trust = statement("Allow", "\"sts:AssumeRoleWithWebIdentity\"", null, "\"Principal\":{\"Federated\":\""
                        + a + "oidc-provider/" + oidc + "\"},\"Condition\":{\"StringEquals\":{\"" + oidc
                        + ":sub\":\"system:serviceaccount:ns:sa-" + i + "\"}}");
                attach.add(policies.get(3 + r.nextInt(12)));
            } else {
                name = "app-" + i;
                trust = statement("Allow", "\"sts:AssumeRole\"", null,
                        "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}");
                attach.add(policies.get(3 + r.nextInt(12)));
            }
            Role.Builder b = Role.builder(name, a + "role/" + name).roleId("AROA" + id + "R" + i).created(AS_OF)
                    .trustPolicy(doc(trust));
            attach.forEach(p -> b.addAttachedPolicy(attached(p)));
            roleList.add(b.build());
        }
        return AccountSnapshot.builder(id, AS_OF).users(userList).roles(roleList).policies(policies).build();
    }

    private static ManagedPolicy managed(String name, String arn, PolicyDocument doc) {
        return ManagedPolicy.builder().name(name).arn(arn).policyId("ANPA" + Math.abs(arn.hashCode())).created(AS_OF)
                .updated(AS_OF).versions(List.of(new PolicyVersion("v1", true, AS_OF, doc))).build();
    }

    private static AttachedPolicy attached(ManagedPolicy p) {
        return new AttachedPolicy(p.name(), p.arn());
    }

    /** One statement as a document: resource null for a trust statement, {@code extra} after the Action. */
    private static String statement(String effect, String action, String resource, String extra) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Action\":" + action
                + (resource == null ? "" : ",\"Resource\":" + resource) + (extra.isEmpty() ? "" : "," + extra) + "}]}";
    }

    private static PolicyDocument doc(String json) {
        return PolicyDocument.parse(json, "synthetic");
    }
}
