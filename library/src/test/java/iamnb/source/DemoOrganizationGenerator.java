package iamnb.source;

import iamnb.model.AccessKey;
import iamnb.model.AccountSnapshot;
import iamnb.model.AttachedPolicy;
import iamnb.model.Group;
import iamnb.model.InlinePolicy;
import iamnb.model.LoginProfile;
import iamnb.model.ManagedPolicy;
import iamnb.model.MfaDevice;
import iamnb.model.PolicyDocument;
import iamnb.model.PolicyVersion;
import iamnb.model.Role;
import iamnb.model.RoleLastUsed;
import iamnb.model.User;
import iamnb.source.internal.DerivedCredentialReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the four members of the demo organization that are not the demo account ({@link DemoOrganization}):
 * the management account, example-staging, tools-ci and sandbox-dev, small and hand-written so a reader can
 * follow every trust. What is planted (README "Demo organization"):
 *
 * <ul>
 *   <li>the chained path to admin: sandbox-dev's developers ({@code dev-sam}, {@code dev-riley}) may assume
 *       tools-ci's {@code build-runner}, which trusts the whole sandbox-dev account and may assume any {@code
 *       cross-account-deploy} role; example-staging's {@code cross-account-deploy} trusts every role of tools-ci
 *       and holds {@code AdministratorAccess};</li>
 *   <li>a member→member whole-account trust without conditions: {@code build-runner} trusts {@code
 *       arn:aws:iam::333333333333:root};</li>
 *   <li>a trust to an account outside the organization without {@code sts:ExternalId}: tools-ci's {@code
 *       vendor-scanner} trusts {@code 555566667777};</li>
 *   <li>clean next to them: tools-ci's {@code ci-pipeline} deploys to staging and to prod (prod demands its
 *       ExternalId), staging's {@code monitoring-vendor} demands an ExternalId, the {@code audit-readonly} roles
 *       trust one named role of the management account.</li>
 * </ul>
 *
 * <p>Deterministic: no randomness, ids derived from names. {@code DemoOrganizationTest} checks the committed
 * resources are exactly what this class writes. Regenerate after editing: run {@link #main} with the resource
 * folder as argument ({@code library/src/main/resources/iamnb/demo-org}).
 */
public final class DemoOrganizationGenerator {
    public static final Instant AS_OF = DemoOrganization.AS_OF;
    public static final String MANAGEMENT = "999999999999", PROD = "123456789012", STAGING = "222222222222",
            TOOLS = "111111111111", SANDBOX = "333333333333";
    /** An account outside the organization (a scanning vendor). */
    public static final String VENDOR = "555566667777";
    /** Another outside account (a monitoring vendor), trusted properly with an ExternalId. */
    public static final String MONITORING = "777788889999";
    private static final String AWS = "arn:aws:iam::aws:policy/";

    private DemoOrganizationGenerator() {}

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "library/src/main/resources/iamnb/demo-org");
        SortedMap<String, byte[]> files = render();
        try {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path file = out.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
            Files.writeString(out.resolve(DemoOrganization.INDEX), String.join("\n", files.keySet()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("demo organization members written to " + out.toAbsolutePath());
    }

    /** Every member's files, keyed {@code ID/relative-path}, as the snapshot writer renders them. */
    public static SortedMap<String, byte[]> render() {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (AccountSnapshot s : build()) {
            new SnapshotWriter().render(s).forEach((name, bytes) -> files.put(s.accountId() + "/" + name, bytes));
        }
        return files;
    }

    /** The four generated members, without the organization (the set keeps it once). */
    public static List<AccountSnapshot> build() {
        return List.of(management(), tools(), staging(), sandbox());
    }

    // ---- the management account ----------------------------------------------------------------------------

    private static AccountSnapshot management() {
        Member m = new Member(MANAGEMENT, "management");
        m.group("org-admins", 1500, AWS + "AdministratorAccess");
        m.group("billing", 1500, AWS + "ReadOnlyAccess");
        m.consoleUser("morgan.orgadmin", 1400, 0.5, "org-admins");
        m.consoleUser("bill.finance", 900, 3, "billing");
        // The collection role: enters each member's audit-readonly role.
        m.role(m.newRole("security-audit").created(m.daysAgo(700))
                .trustPolicy(doc("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},
                        "Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"""))
                .attachedPolicies(List.of(attachment(AWS + "SecurityAudit")))
                .inlinePolicies(List.of(new InlinePolicy("enter-member-accounts", doc("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
                        "Resource":"arn:aws:iam::*:role/audit-readonly"}]}"""))))
                .lastUsed(new RoleLastUsed(m.daysAgo(1), "us-east-1")));
        m.serviceLinkedRole("AWSServiceRoleForOrganizations", "organizations.amazonaws.com", 1500);
        return m.snapshot(Instant.parse("2019-03-01T09:00:00Z"));
    }

    // ---- tools-ci (Shared OU) -------------------------------------------------------------------------------

    private static AccountSnapshot tools() {
        Member m = new Member(TOOLS, "tools-ci");
        m.customerPolicy("ci-artifacts", "Build artifacts: read and write the artifact bucket", 600, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:ListBucket"],
                "Resource":["arn:aws:s3:::tools-ci-artifacts","arn:aws:s3:::tools-ci-artifacts/*"]}]}""");
        m.group("ci-operators", 800, AWS + "ReadOnlyAccess");
        m.consoleUser("casey.ci", 800, 1, "ci-operators");
        // The seed's CI role: deploys to staging and to prod (prod's cross-account-deploy demands an ExternalId).
        m.role(m.newRole("ci-pipeline").created(m.daysAgo(800))
                .trustPolicy(doc(serviceTrust("codebuild.amazonaws.com")))
                .attachedPolicies(List.of(attachment(m.arn("policy/ci-artifacts"))))
                .inlinePolicies(List.of(new InlinePolicy("assume-deploy-roles", doc("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
                        "Resource":["arn:aws:iam::222222222222:role/cross-account-deploy",
                        "arn:aws:iam::123456789012:role/cross-account-deploy"]}]}"""))))
                .lastUsed(new RoleLastUsed(m.daysAgo(0.5), "us-east-1")));
        // Planted: trusts the whole sandbox-dev account with no condition (first hop of the chain to admin), and
        // its policy, copied from ci-pipeline, names the deploy role of any account (second hop).
        m.role(m.newRole("build-runner").created(m.daysAgo(300))
                .description("Runs sandbox builds on the shared CI fleet")
                .trustPolicy(doc("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::333333333333:root"},
                        "Action":"sts:AssumeRole"}]}"""))
                .attachedPolicies(List.of(attachment(m.arn("policy/ci-artifacts"))))
                .inlinePolicies(List.of(new InlinePolicy("run-builds", doc("""
                        {"Version":"2012-10-17","Statement":[
                        {"Sid":"StartBuilds","Effect":"Allow","Action":["codebuild:StartBuild","codebuild:BatchGetBuilds"],"Resource":"*"},
                        {"Sid":"DeployLikeCi","Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::*:role/cross-account-deploy"}]}"""))))
                .lastUsed(new RoleLastUsed(m.daysAgo(2), "us-east-1")));
        // Planted: a vendor outside the organization trusted without an ExternalId.
        m.role(m.newRole("vendor-scanner").created(m.daysAgo(400))
                .trustPolicy(doc("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::555566667777:root"},
                        "Action":"sts:AssumeRole"}]}"""))
                .attachedPolicies(List.of(attachment(AWS + "SecurityAudit")))
                .lastUsed(new RoleLastUsed(m.daysAgo(1), "us-east-1")));
        m.auditReadonlyRole();
        m.serviceLinkedRole("AWSServiceRoleForSupport", "support.amazonaws.com", 1200);
        return m.snapshot(Instant.parse("2020-06-01T09:00:00Z"));
    }

    // ---- example-staging (Production OU) ---------------------------------------------------------------------

    private static AccountSnapshot staging() {
        Member m = new Member(STAGING, "example-staging");
        m.group("qa", 700, AWS + "ReadOnlyAccess");
        m.consoleUser("tess.qa", 600, 2, "qa");
        // Planted (last hop of the chain): staging deploys with AdministratorAccess and trusts every role of
        // tools-ci, not just ci-pipeline, and asks no ExternalId. Prod's ci-pipeline is the seed's source side.
        m.role(m.newRole("cross-account-deploy").created(m.daysAgo(420))
                .trustPolicy(doc("""
                        {"Version":"2012-10-17","Statement":[
                        {"Sid":"ToolsCiRoles","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole",
                         "Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111111111111:role/*"}}},
                        {"Sid":"ProdPipeline","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/ci-pipeline"},"Action":"sts:AssumeRole"}]}"""))
                .attachedPolicies(List.of(attachment(AWS + "AdministratorAccess")))
                .lastUsed(new RoleLastUsed(m.daysAgo(0.5), "us-east-1")));
        // Clean: an outside vendor with an ExternalId.
        m.role(m.newRole("monitoring-vendor").created(m.daysAgo(350))
                .trustPolicy(doc("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::777788889999:root"},
                        "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"staging-monitoring-7731"}}}]}"""))
                .attachedPolicies(List.of(attachment(AWS + "ReadOnlyAccess")))
                .lastUsed(new RoleLastUsed(m.daysAgo(0.1), "us-east-1")));
        m.role(m.newRole("app-staging").created(m.daysAgo(400))
                .trustPolicy(doc(serviceTrust("ecs-tasks.amazonaws.com")))
                .attachedPolicies(List.of(attachment(AWS + "AmazonS3ReadOnlyAccess")))
                .lastUsed(new RoleLastUsed(m.daysAgo(0.2), "us-east-1")));
        m.auditReadonlyRole();
        m.serviceLinkedRole("AWSServiceRoleForSupport", "support.amazonaws.com", 1000);
        return m.snapshot(Instant.parse("2021-01-10T09:00:00Z"));
    }

    // ---- sandbox-dev (Sandbox OU) ------------------------------------------------------------------------------

    private static AccountSnapshot sandbox() {
        Member m = new Member(SANDBOX, "sandbox-dev");
        // The first hop of the chain: developers may start builds on tools-ci's build-runner.
        m.customerPolicy("sandbox-developer", "Developers: build freely in the sandbox, run CI builds", 500, """
                {"Version":"2012-10-17","Statement":[
                {"Sid":"BuildInTheSandbox","Effect":"Allow","Action":["ec2:*","lambda:*","s3:*","dynamodb:*","logs:*","sqs:*"],"Resource":"*"},
                {"Sid":"RunCiBuilds","Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111111111111:role/build-runner"}]}""");
        m.group("developers", 500, m.arn("policy/sandbox-developer"));
        m.consoleUser("dev-sam", 300, 0.3, "developers");
        m.consoleUser("dev-riley", 200, 1.5, "developers");
        m.role(m.newRole("sandbox-lambda").created(m.daysAgo(150))
                .trustPolicy(doc(serviceTrust("lambda.amazonaws.com")))
                .attachedPolicies(List.of(attachment(AWS + "AWSLambdaBasicExecutionRole")))
                .lastUsed(new RoleLastUsed(m.daysAgo(4), "us-east-1")));
        m.auditReadonlyRole();
        return m.snapshot(Instant.parse("2022-05-01T09:00:00Z"));
    }

    // ---- building one member ------------------------------------------------------------------------------------

    /** Collects one member's principals and policies; ids are derived from the account and the name. */
    private static final class Member {
        private final String account;
        private final String alias;
        private final List<ManagedPolicy> policies = new ArrayList<>();
        private final List<Group> groups = new ArrayList<>();
        private final List<User> users = new ArrayList<>();
        private final List<Role> roles = new ArrayList<>();
        private final Map<String, Instant> passwordLastUsed = new LinkedHashMap<>();

        Member(String account, String alias) {
            this.account = account;
            this.alias = alias;
            awsPolicy("AdministratorAccess", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");
            awsPolicy("ReadOnlyAccess", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["cloudwatch:Describe*","cloudwatch:Get*",
                    "cloudwatch:List*","ec2:Describe*","iam:Get*","iam:List*","lambda:Get*","lambda:List*","logs:Describe*",
                    "logs:Get*","s3:Get*","s3:List*"],"Resource":"*"}]}""");
            awsPolicy("SecurityAudit", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:GenerateCredentialReport",
                    "iam:Get*","iam:List*","organizations:Describe*","organizations:List*","s3:GetBucketPolicy",
                    "s3:GetBucketAcl","s3:ListAllMyBuckets","cloudtrail:DescribeTrails","ec2:Describe*"],"Resource":"*"}]}""");
            awsPolicy("AmazonS3ReadOnlyAccess", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"}]}""");
            awsPolicy("AWSLambdaBasicExecutionRole", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogGroup",
                    "logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}""");
        }

        String arn(String rest) {
            return "arn:aws:iam::" + account + ":" + rest;
        }

        Instant daysAgo(double days) {
            return AS_OF.minusSeconds(Math.round(days * 86400));
        }

        /** A 21-character IAM-style id from the account and the name: stable when other entries change. */
        String id(String prefix, String name) {
            String body = String.format("%016X", (long) (account + "/" + name).hashCode() * 0x9E3779B97F4A7C15L);
            return prefix + body.replace('0', 'Q').replace('1', 'R');
        }

        private void awsPolicy(String name, String json) {
            Instant created = Instant.parse("2015-02-06T18:39:46Z");
            policies.add(ManagedPolicy.builder().name(name).policyId(id("ANPA", "aws/" + name)).arn(AWS + name)
                    .defaultVersionId("v1").created(created).updated(created)
                    .versions(List.of(new PolicyVersion("v1", true, created, doc(json)))).build());
        }

        void customerPolicy(String name, String description, int ageDays, String json) {
            Instant created = daysAgo(ageDays);
            policies.add(ManagedPolicy.builder().name(name).policyId(id("ANPA", name)).arn(arn("policy/" + name))
                    .defaultVersionId("v1").created(created).updated(created).description(description)
                    .versions(List.of(new PolicyVersion("v1", true, created, doc(json)))).build());
        }

        void group(String name, int ageDays, String policyArn) {
            groups.add(new Group(name, id("AGPA", name), arn("group/" + name), "/", daysAgo(ageDays), List.of(),
                    List.of(attachment(policyArn))));
        }

        /** A console user with MFA and one access key, created {@code ageDays} ago, signed in recently. */
        void consoleUser(String name, int ageDays, double lastSignIn, String group) {
            int keyAge = Math.min(ageDays, 40);
            users.add(User.builder(name, arn("user/" + name)).userId(id("AIDA", name)).created(daysAgo(ageDays))
                    .groups(List.of(group))
                    .loginProfile(new LoginProfile(daysAgo(ageDays - 0.01), false))
                    .addMfaDevice(new MfaDevice(name, arn("mfa/" + name), daysAgo(ageDays - 1)))
                    .addAccessKey(new AccessKey(name, ("AKIA" + id("", name)).substring(0, 20), AccessKey.Status.ACTIVE,
                            daysAgo(keyAge), Optional.of(new AccessKey.KeyLastUsed(daysAgo(lastSignIn), "sts", "us-east-1"))))
                    .build());
            passwordLastUsed.put(name, daysAgo(lastSignIn));
        }

        Role.Builder newRole(String name) {
            return Role.builder(name, arn("role/" + name)).roleId(id("AROA", name));
        }

        void role(Role.Builder b) {
            roles.add(b.build());
        }

        /** The read-only role the management account's security-audit role enters to collect this account. */
        void auditReadonlyRole() {
            role(newRole("audit-readonly").created(daysAgo(700))
                    .trustPolicy(doc("""
                            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:role/security-audit"},
                            "Action":"sts:AssumeRole"}]}"""))
                    .attachedPolicies(List.of(attachment(AWS + "SecurityAudit")))
                    .lastUsed(new RoleLastUsed(daysAgo(1), "us-east-1")));
        }

        void serviceLinkedRole(String name, String service, int ageDays) {
            role(newRole(name).arn(arn("role/aws-service-role/" + service + "/" + name))
                    .path("/aws-service-role/" + service + "/").created(daysAgo(ageDays))
                    .trustPolicy(doc(serviceTrust(service)))
                    .lastUsed(new RoleLastUsed(daysAgo(20), "us-east-1")));
        }

        AccountSnapshot snapshot(Instant rootCreated) {
            AccountSnapshot s = AccountSnapshot.builder(account, AS_OF).alias(alias)
                    .policies(withAttachmentCounts()).groups(groups).users(users).roles(roles).build();
            var report = DerivedCredentialReport.derive(s, new DerivedCredentialReport.Facts(rootCreated,
                    Optional.of(daysAgo(200)), true, passwordLastUsed, AS_OF.minusSeconds(3600)));
            return s.toBuilder().credentialReport(report).build();
        }

        private List<ManagedPolicy> withAttachmentCounts() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            groups.forEach(g -> g.attachedPolicies().forEach(a -> counts.merge(a.arn(), 1, Integer::sum)));
            users.forEach(u -> u.attachedPolicies().forEach(a -> counts.merge(a.arn(), 1, Integer::sum)));
            roles.forEach(r -> r.attachedPolicies().forEach(a -> counts.merge(a.arn(), 1, Integer::sum)));
            return policies.stream().map(p -> p.toBuilder().attachmentCount(counts.getOrDefault(p.arn(), 0)).build())
                    .toList();
        }
    }

    private static AttachedPolicy attachment(String arn) {
        return new AttachedPolicy(arn.substring(arn.lastIndexOf('/') + 1), arn);
    }

    private static String serviceTrust(String service) {
        return """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"%s"},"Action":"sts:AssumeRole"}]}"""
                .formatted(service);
    }

    private static PolicyDocument doc(String json) {
        return PolicyDocument.parse(json, "demo organization");
    }
}
