package iamnb.source;

import iamnb.model.AccessKey;
import iamnb.model.AccountSnapshot;
import iamnb.model.AccountView;
import iamnb.model.AttachedPolicy;
import iamnb.model.Group;
import iamnb.model.InlinePolicy;
import iamnb.model.InstanceProfile;
import iamnb.model.LoginProfile;
import iamnb.model.ManagedPolicy;
import iamnb.model.MfaDevice;
import iamnb.model.OidcProvider;
import iamnb.model.PolicyDocument;
import iamnb.model.PolicyVersion;
import iamnb.model.Role;
import iamnb.model.RoleLastUsed;
import iamnb.model.User;
import iamnb.source.internal.DerivedCredentialReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates large accounts with realistic shapes, for benchmarks and load tests: users in groups with keys of
 * every age, console users with and without MFA, roles trusted by services, other accounts (with and without
 * ExternalId), OIDC and SAML federation, customer policies of one to six statements with wildcards and
 * conditions, boundaries, inline policies, and the matching credential report. Deterministic for a seed.
 */
public final class SyntheticAccount {
    public static final String ACCOUNT_ID = "210987654321";
    public static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    private static final String[] SERVICES = {"s3", "dynamodb", "sqs", "sns", "lambda", "ec2", "logs", "kms",
        "secretsmanager", "ecr", "ecs", "cloudwatch", "ssm", "kinesis", "glue", "athena"};
    private static final String[] VERBS = {"Get", "List", "Describe", "Put", "Create", "Delete", "Update", "Tag"};
    private static final String[] AWS_MANAGED = {"AdministratorAccess", "ReadOnlyAccess", "PowerUserAccess",
        "AmazonS3ReadOnlyAccess", "AmazonS3FullAccess", "AmazonDynamoDBFullAccess", "AWSLambdaBasicExecutionRole",
        "AmazonECS_FullAccess", "CloudWatchReadOnlyAccess", "IAMUserChangePassword", "SecurityAudit", "ViewOnlyAccess"};
    private static final String[] TRUSTED_SERVICES = {"lambda.amazonaws.com", "ec2.amazonaws.com",
        "ecs-tasks.amazonaws.com", "glue.amazonaws.com", "states.amazonaws.com", "codebuild.amazonaws.com"};

    private final SplittableRandom random;
    private final String accountId;
    /** The prefix of this account's IAM ARNs, {@code arn:aws:iam::ID:}. */
    private final String iam;
    private final Map<String, Instant> passwordLastUsed = new HashMap<>();
    private final String oidcUrl = "oidc.eks.us-east-1.amazonaws.com/id/SYNTHETIC0000000000000000000000";
    private long ids;

    private SyntheticAccount(String accountId, long seed) {
        this.random = new SplittableRandom(seed);
        this.accountId = accountId;
        this.iam = "arn:aws:iam::" + accountId + ":";
    }

    /**
     * An account of the given size, as of {@link #AS_OF}.
     *
     * @param users IAM users
     * @param roles IAM roles
     * @param groups IAM groups (users join one to three)
     * @param policies customer managed policies (a dozen AWS managed ones are added)
     * @param seed the random seed; equal arguments give equal accounts
     * @return the account's data, labelled with the arguments; {@code new Account(v.snapshot(), v.source())} for
     *     the fluent verbs
     */
    public static AccountView generate(int users, int roles, int groups, int policies, long seed) {
        AccountSnapshot s = new SyntheticAccount(ACCOUNT_ID, seed).build(users, roles, groups, policies, List.of());
        return new AccountView(s, "synthetic " + users + " users, " + roles + " roles, " + groups + " groups, " + policies
                + " policies, seed " + seed);
    }

    /**
     * An account of the given size with a given id and alias, plus roles the caller made (an organization's
     * cross-account roles, for instance), as of {@link #AS_OF}. The generated part is the same as {@link
     * #generate(int, int, int, int, long)}'s for the same seed, with the account id in its ARNs.
     *
     * @param extraRoles appended after the generated roles; they may attach the AWS managed policies the account
     *     holds ({@code AdministratorAccess}, {@code ReadOnlyAccess}, {@code PowerUserAccess}, {@code SecurityAudit}, ...)
     */
    public static AccountSnapshot generate(String accountId, String alias, int users, int roles, int groups,
                                           int policies, long seed, List<Role> extraRoles) {
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new iamnb.InvalidInputException("account id must be 12 digits, got \"" + accountId + "\"");
        }
        return new SyntheticAccount(accountId, seed).build(users, roles, groups, policies, extraRoles)
                .toBuilder().alias(alias).build();
    }

    private AccountSnapshot build(int userCount, int roleCount, int groupCount, int policyCount, List<Role> extraRoles) {
        List<ManagedPolicy> policies = new ArrayList<>();
        for (String name : AWS_MANAGED) {
            Instant created = Instant.parse("2015-02-06T18:39:46Z");
            policies.add(ManagedPolicy.builder().name(name).policyId(id("ANPA")).arn("arn:aws:iam::aws:policy/" + name)
                    .created(created).updated(created)
                    .versions(List.of(new PolicyVersion("v1", true, created, doc(policyJson(name.equals("AdministratorAccess") ? 0 : 3)))))
                    .build());
        }
        for (int i = 0; i < policyCount; i++) {
            int versions = 1 + (random.nextInt(10) < 3 ? random.nextInt(3) : 0);
            Instant created = daysAgo(30 + random.nextInt(1800));
            List<PolicyVersion> list = new ArrayList<>();
            for (int v = versions; v >= 1; v--) {
                list.add(new PolicyVersion("v" + v, v == versions, created.plus(Duration.ofDays(10L * v)),
                        doc(policyJson(1 + random.nextInt(6)))));
            }
            String name = SERVICES[random.nextInt(SERVICES.length)] + "-access-" + i;
            policies.add(ManagedPolicy.builder().name(name).policyId(id("ANPA")).arn(iam + "policy/" + name)
                    .path(random.nextInt(5) == 0 ? "/teams/" : "/").defaultVersionId("v" + versions)
                    .created(created).updated(list.get(0).created()).versions(list)
                    .description("synthetic policy " + i).build());
        }
        String boundary = policies.get(policies.size() - 1).arn();

        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < groupCount; i++) {
            List<InlinePolicy> inline = random.nextInt(5) == 0
                    ? List.of(new InlinePolicy("group-inline-" + i, doc(policyJson(1 + random.nextInt(3))))) : List.of();
            groups.add(new Group("group-" + i, id("AGPA"), iam + "group/group-" + i, "/", daysAgo(100 + random.nextInt(2000)),
                    inline, attachments(policies, 1 + random.nextInt(3))));
        }

        List<User> users = new ArrayList<>(userCount);
        for (int i = 0; i < userCount; i++) {
            String name = "user-" + i;
            int age = 5 + random.nextInt(2500);
            User.Builder b = User.builder(name, iam + "user/" + name).userId(id("AIDA")).created(daysAgo(age));
            Set<String> member = new LinkedHashSet<>();
            int n = groupCount == 0 ? 0 : random.nextInt(4);
            for (int g = 0; g < n; g++) {
                member.add("group-" + random.nextInt(groupCount));
            }
            b.groups(List.copyOf(member));
            if (random.nextInt(100) < 15) {
                b.addInlinePolicy(new InlinePolicy("user-inline", doc(policyJson(1 + random.nextInt(3)))));
            }
            if (random.nextInt(100) < 20) {
                b.attachedPolicies(attachments(policies, 1 + random.nextInt(2)));
            }
            if (random.nextInt(10) == 0) {
                b.permissionsBoundaryArn(boundary);
            }
            if (random.nextInt(100) < 60) {
                b.loginProfile(new LoginProfile(daysAgo(age - 0.01), random.nextInt(20) == 0));
                if (random.nextInt(100) < 80) {
                    b.addMfaDevice(new MfaDevice(name, iam + "mfa/" + name, daysAgo(Math.max(0, age - 1))));
                }
                if (random.nextInt(100) < 85) {
                    passwordLastUsed.put(name, daysAgo(random.nextDouble() * Math.min(age, 400)));
                }
            }
            int keys = random.nextInt(100) < 55 ? 1 + (random.nextInt(100) < 15 ? 1 : 0) : 0;
            for (int k = 0; k < keys; k++) {
                int keyAge = Math.min(age, 1 + random.nextInt(1200));
                Optional<AccessKey.KeyLastUsed> last = random.nextInt(100) < 15 ? Optional.empty()
                        : Optional.of(new AccessKey.KeyLastUsed(daysAgo(random.nextDouble() * keyAge),
                                SERVICES[random.nextInt(SERVICES.length)], random.nextInt(3) == 0 ? "eu-west-1" : "us-east-1"));
                b.addAccessKey(new AccessKey(name, id("AKIA"), random.nextInt(100) < 85 ? AccessKey.Status.ACTIVE
                        : AccessKey.Status.INACTIVE, daysAgo(keyAge), last));
            }
            if (random.nextInt(3) == 0) {
                b.tags(Map.of("team", "team-" + random.nextInt(40), "cost-center", Integer.toString(1000 + random.nextInt(50))));
            }
            users.add(b.build());
        }

        List<Role> roles = new ArrayList<>(roleCount);
        for (int i = 0; i < roleCount; i++) {
            int kind = random.nextInt(100);
            String trust;
            String prefix;
            if (kind < 70) {
                String service = TRUSTED_SERVICES[random.nextInt(TRUSTED_SERVICES.length)];
                prefix = service.substring(0, service.indexOf('.'));
                trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                        + service + "\"},\"Action\":\"sts:AssumeRole\"}]}";
            } else if (kind < 85) {
                prefix = "cross";
                String other = String.format("%012d", 100000000000L + random.nextInt(1000000));
                trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                        + other + ":root\"},\"Action\":\"sts:AssumeRole\"" + (random.nextInt(3) > 0
                        ? ",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"ext-" + random.nextInt(100000) + "\"}}" : "")
                        + "}]}";
            } else if (kind < 92) {
                prefix = "irsa";
                trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                        + iam + "oidc-provider/" + oidcUrl + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":"
                        + "{\"StringEquals\":{\"" + oidcUrl + ":sub\":\"system:serviceaccount:ns-" + random.nextInt(50)
                        + ":sa-" + i + "\",\"" + oidcUrl + ":aud\":\"sts.amazonaws.com\"}}}]}";
            } else if (kind < 97) {
                prefix = "sso";
                trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                        + iam + "saml-provider/okta\"},\"Action\":[\"sts:AssumeRoleWithSAML\",\"sts:TagSession\"],\"Condition\":"
                        + "{\"StringEquals\":{\"SAML:aud\":\"https://signin.aws.amazon.com/saml\"}}}]}";
            } else {
                prefix = "admin";
                trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                        + iam + "root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}";
            }
            String name = prefix + "-role-" + i;
            Role.Builder b = Role.builder(name, iam + "role/" + name).roleId(id("AROA")).created(daysAgo(1 + random.nextInt(2000)))
                    .trustPolicy(doc(trust)).attachedPolicies(attachments(policies, random.nextInt(4)))
                    .maxSessionDuration(Duration.ofHours(1 + (random.nextInt(4) == 0 ? random.nextInt(12) : 0)));
            if (random.nextInt(100) < 30) {
                b.inlinePolicies(List.of(new InlinePolicy("inline-" + i, doc(policyJson(1 + random.nextInt(4))))));
            }
            if (random.nextInt(10) == 0) {
                b.permissionsBoundaryArn(boundary);
            }
            if (random.nextInt(100) < 80) {
                b.lastUsed(new RoleLastUsed(daysAgo(random.nextDouble() * 500), random.nextInt(3) == 0 ? "eu-west-1" : "us-east-1"));
            }
            if (prefix.equals("ec2")) {
                b.instanceProfiles(List.of(new InstanceProfile(name, id("AIPA"), iam + "instance-profile/" + name, "/", daysAgo(10))));
            }
            if (random.nextInt(4) == 0) {
                b.tags(Map.of("app", "app-" + random.nextInt(300)));
            }
            roles.add(b.build());
        }
        roles.addAll(extraRoles);

        AccountSnapshot s = AccountSnapshot.builder(accountId, AS_OF).alias("synthetic").users(users).groups(groups)
                .roles(roles).policies(policies)
                .oidcProviders(List.of(new OidcProvider(iam + "oidc-provider/" + oidcUrl, oidcUrl, List.of("sts.amazonaws.com"),
                        List.of("9e99a48a9960b14926bb7f3b02e22da2b0ab7280"), Optional.of(daysAgo(400)), Map.of())))
                .build();
        return s.toBuilder().credentialReport(DerivedCredentialReport.derive(s, new DerivedCredentialReport.Facts(
                daysAgo(3000), Optional.of(daysAgo(200)), true, passwordLastUsed, AS_OF.minusSeconds(600)))).build();
    }

    private List<AttachedPolicy> attachments(List<ManagedPolicy> policies, int count) {
        Set<ManagedPolicy> chosen = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            chosen.add(policies.get(random.nextInt(policies.size())));
        }
        return chosen.stream().map(p -> new AttachedPolicy(p.name(), p.arn())).toList();
    }

    /** A policy of {@code statements} statements (0: the administrator's "*" on "*"). */
    private String policyJson(int statements) {
        if (statements == 0) {
            return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
        }
        StringBuilder s = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int i = 0; i < statements; i++) {
            String service = SERVICES[random.nextInt(SERVICES.length)];
            s.append(i == 0 ? "" : ",").append("{\"Sid\":\"S").append(i).append("\",\"Effect\":\"")
                    .append(random.nextInt(12) == 0 ? "Deny" : "Allow").append("\",\"Action\":[");
            int actions = 1 + random.nextInt(5);
            for (int a = 0; a < actions; a++) {
                s.append(a == 0 ? "" : ",").append('"').append(service).append(':')
                        .append(VERBS[random.nextInt(VERBS.length)]).append(random.nextInt(3) == 0 ? "*" : "Item").append('"');
            }
            s.append("],\"Resource\":");
            s.append(random.nextInt(4) == 0 ? "\"*\"" : "[\"arn:aws:" + service + ":us-east-1:" + accountId + ":res-"
                    + random.nextInt(1000) + "/*\",\"arn:aws:" + service + ":us-east-1:" + accountId + ":res-"
                    + random.nextInt(1000) + "\"]");
            if (random.nextInt(10) == 0) {
                s.append(",\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":[\"us-east-1\",\"eu-west-1\"]},"
                        + "\"Bool\":{\"aws:SecureTransport\":\"true\"}}");
            }
            s.append('}');
        }
        return s.append("]}").toString();
    }

    private String id(String prefix) {
        ids++;
        String body = Long.toString(ids * 2654435761L + random.nextInt(1000), 36).toUpperCase();
        return (prefix + "SYN" + "0".repeat(Math.max(0, 13 - body.length())) + body).substring(0, 20);
    }

    private static Instant daysAgo(double days) {
        return AS_OF.minusSeconds(Math.round(days * 86400));
    }

    private static PolicyDocument doc(String json) {
        return PolicyDocument.parse(json, "synthetic");
    }
}
