package iamnb.source;

import iamnb.model.AccessKey;
import iamnb.model.AccountSnapshot;
import iamnb.model.AnalyzerFinding;
import iamnb.model.AttachedPolicy;
import iamnb.model.Bucket;
import iamnb.model.CloudTrailEvent;
import iamnb.model.Group;
import iamnb.model.InlinePolicy;
import iamnb.model.InstanceProfile;
import iamnb.model.LoginProfile;
import iamnb.model.ManagedPolicy;
import iamnb.model.MfaDevice;
import iamnb.model.OidcProvider;
import iamnb.model.OrgAccount;
import iamnb.model.OrgPolicy;
import iamnb.model.OrgUnit;
import iamnb.model.Organization;
import iamnb.model.PolicyDocument;
import iamnb.model.PolicyVersion;
import iamnb.model.Role;
import iamnb.model.RoleLastUsed;
import iamnb.model.SamlProvider;
import iamnb.model.Tags;
import iamnb.model.User;
import iamnb.model.VpcEndpoint;
import iamnb.source.internal.DerivedCredentialReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Builds the embedded demo account ({@code Iam.demo()}) from the seed runbooks' own names, with one planted
 * problem per audit and clean principals next to them. Deterministic: fixed instant, fixed random seed.
 * The README's "Demo account" section lists what is planted; {@code DemoAccountTest} checks the committed
 * resources are exactly what this class writes.
 *
 * <p>Regenerate after editing: run {@link #main} with the resource folder as argument, e.g.
 * {@code java -cp library/target-X/test-classes:library/target-X/classes:$(cat cp.txt)
 * iamnb.source.DemoAccountGenerator library/src/main/resources/iamnb/demo}.
 */
public final class DemoAccountGenerator {
    public static final String ACCOUNT = "123456789012";
    public static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    private static final String A = "arn:aws:iam::" + ACCOUNT + ":";
    private static final String AWS = "arn:aws:iam::aws:policy/";
    static final String OIDC_URL = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    static final String OIDC_ARN = A + "oidc-provider/" + OIDC_URL;

    private final Random random = new Random(20261101L);
    private final Map<String, Instant> passwordLastUsed = new LinkedHashMap<>();
    private int idCounter;

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "library/src/main/resources/iamnb/demo");
        var files = new SnapshotWriter().render(build());
        new SnapshotWriter().write(build(), out);
        try {
            java.nio.file.Files.writeString(out.resolve(DemoAccount.INDEX), String.join("\n", files.keySet()) + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.println("demo account written to " + out.toAbsolutePath());
    }

    public static AccountSnapshot build() {
        return new DemoAccountGenerator().account();
    }

    // ---- time and ids -------------------------------------------------------------------------------------

    private static Instant daysAgo(double days) {
        return AS_OF.minusSeconds(Math.round(days * 86400));
    }

    private String id(String prefix) {
        idCounter++;
        String body = String.format("%016X", (long) idCounter * 0x9E3779B97F4A7C15L);
        return prefix + body.substring(0, 16).replace('0', 'Q').replace('1', 'R');
    }

    /**
     * The id of something added to the demo after its first release: derived from the name instead of the counter,
     * so adding it does not renumber everything generated after it.
     */
    private static String stableId(String prefix, String name) {
        String body = String.format("%016X", (long) name.hashCode() * 0x9E3779B97F4A7C15L);
        return prefix + body.replace('0', 'Q').replace('1', 'R');
    }

    private static PolicyDocument doc(String json) {
        return PolicyDocument.parse(json, "demo");
    }

    // ---- the account --------------------------------------------------------------------------------------

    private AccountSnapshot account() {
        List<ManagedPolicy> policies = policies();
        List<Group> groups = groups();
        List<User> users = users();
        List<Role> roles = roles();
        AccountSnapshot s = AccountSnapshot.builder(ACCOUNT, AS_OF)
                .alias("example-prod")
                .policies(withAttachmentCounts(policies, users, groups, roles))
                .groups(groups)
                .users(users)
                .roles(roles)
                .oidcProviders(List.of(new OidcProvider(OIDC_ARN, OIDC_URL, List.of("sts.amazonaws.com"),
                        List.of("9e99a48a9960b14926bb7f3b02e22da2b0ab7280"), Optional.of(daysAgo(540)),
                        Tags.of("cluster", "prod-eks"))))
                .samlProviders(List.of(new SamlProvider(A + "saml-provider/okta", Optional.of(daysAgo(1200)),
                        Optional.of(AS_OF.plus(Duration.ofDays(3650))))))
                .buckets(buckets())
                .vpcEndpoints(vpcEndpoints())
                .organization(organization())
                .analyzerFindings(findings())
                .cloudTrailEvents(events())
                .build();
        var report = DerivedCredentialReport.derive(s, new DerivedCredentialReport.Facts(
                Instant.parse("2019-04-01T10:00:00Z"), Optional.of(daysAgo(151.3)), true, passwordLastUsed,
                AS_OF.minusSeconds(3600)));
        return s.toBuilder().credentialReport(report).build();
    }

    // ---- managed policies -----------------------------------------------------------------------------------

    private List<ManagedPolicy> policies() {
        List<ManagedPolicy> p = new ArrayList<>();
        p.add(aws("AdministratorAccess", "ANPAIWMBCKSKIEE64ZLYK", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"""));
        p.add(aws("ReadOnlyAccess", "ANPAILL3HVNFSB6DCOWYQ", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["cloudwatch:Describe*","cloudwatch:Get*",
                "cloudwatch:List*","dynamodb:Describe*","dynamodb:List*","ec2:Describe*","ecs:Describe*","ecs:List*",
                "iam:Get*","iam:List*","lambda:Get*","lambda:List*","logs:Describe*","logs:Get*","s3:Get*","s3:List*",
                "sqs:Get*","sqs:List*","sns:Get*","sns:List*"],"Resource":"*"}]}"""));
        p.add(aws("AmazonECS_FullAccess", "ANPAJ7S7AN6YQPTJC7IFK", """
                {"Version":"2012-10-17","Statement":[{"Sid":"ECSIntegrationsManagementPolicy","Effect":"Allow",
                "Action":["ecs:*","elasticloadbalancing:*","application-autoscaling:*","cloudwatch:DescribeAlarms",
                "logs:CreateLogGroup","logs:DescribeLogGroups"],"Resource":"*"},{"Sid":"PassRoleToEcs","Effect":"Allow",
                "Action":"iam:PassRole","Resource":"*","Condition":{"StringLike":{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}}]}"""));
        p.add(aws("AmazonS3ReadOnlyAccess", "ANPAIZTJ4DXE7G6AGAE6M", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*","s3:Describe*",
                "s3-object-lambda:Get*","s3-object-lambda:List*"],"Resource":"*"}]}"""));
        p.add(aws("AWSLambdaBasicExecutionRole", "ANPAJNCQGXC42545SKXIK", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogGroup",
                "logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}"""));
        p.add(aws("IAMUserChangePassword", "ANPAJ4L4MM2A7QIEB56MS", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:ChangePassword"],
                "Resource":["arn:aws:iam::*:user/${aws:username}"]},{"Effect":"Allow","Action":["iam:GetAccountPasswordPolicy"],"Resource":"*"}]}"""));

        // Customer managed policies, straight from the seed runbooks where the seed has them.
        p.add(customer("dev-sandbox-boundary", "Permissions boundary for developer-created roles", 500, """
                {"Version":"2012-10-17","Statement":[
                {"Sid":"AllowedServices","Effect":"Allow","Action":["s3:*","dynamodb:*","lambda:*","sqs:*","sns:*","logs:*","cloudwatch:*","xray:*"],"Resource":"*"},
                {"Sid":"DenyProductionResources","Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/Environment":"production"}}},
                {"Sid":"DenyDangerousActions","Effect":"Deny","Action":["iam:CreateUser","iam:DeleteRole","iam:DeletePolicy","organizations:*","account:*"],"Resource":"*"}]}""",
                // v1 was looser: no DenyDangerousActions. Kept to show policy versions.
                """
                {"Version":"2012-10-17","Statement":[
                {"Sid":"AllowedServices","Effect":"Allow","Action":["s3:*","dynamodb:*","lambda:*","sqs:*","sns:*","logs:*"],"Resource":"*"},
                {"Sid":"DenyProductionResources","Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/Environment":"production"}}}]}"""));
        p.add(customer("dev-self-service", "Developers create roles only under the sandbox boundary", 480, """
                {"Version":"2012-10-17","Statement":[
                {"Sid":"AllowCreateRoleWithBoundary","Effect":"Allow","Action":["iam:CreateRole","iam:AttachRolePolicy","iam:PutRolePolicy"],
                 "Resource":"arn:aws:iam::123456789012:role/dev-*","Condition":{"StringEquals":{"iam:PermissionsBoundary":"arn:aws:iam::123456789012:policy/dev-sandbox-boundary"}}},
                {"Sid":"AllowPassRoleForLambda","Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::123456789012:role/dev-*",
                 "Condition":{"StringEquals":{"iam:PassedToService":"lambda.amazonaws.com"}}}]}"""));
        p.add(customer("require-mfa-for-writes", "Reads without MFA, writes only with MFA", 700, """
                {"Version":"2012-10-17","Statement":[
                {"Sid":"AllowReadWithoutMFA","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket","ec2:Describe*"],"Resource":"*"},
                {"Sid":"AllowWriteOnlyWithMFA","Effect":"Allow","Action":["s3:PutObject","s3:DeleteObject","ec2:RunInstances","ec2:TerminateInstances"],
                 "Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"""));
        // Nothing here for my-bucket: app-role's only grant there is the my-bucket bucket policy (see buckets()).
        p.add(customer("app-data-access", "app-role: read and upload to prod-data/uploads", 610, """
                {"Version":"2012-10-17","Statement":[
                {"Sid":"ListUploads","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::prod-data",
                 "Condition":{"StringLike":{"s3:prefix":["uploads/*"]}}},
                {"Sid":"ReadWriteUploads","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::prod-data/uploads/*"}]}"""));
        p.add(customer("my-app-s3-read", "IRSA role for my-app-sa: read its bucket", 530, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],
                "Resource":["arn:aws:s3:::my-bucket","arn:aws:s3:::my-bucket/*"]}]}"""));
        p.add(customer("lambda-queue-worker", "Workers read their queue and write their table", 300, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sqs:ReceiveMessage","sqs:DeleteMessage","sqs:GetQueueAttributes"],
                "Resource":"arn:aws:sqs:us-east-1:123456789012:*"},{"Effect":"Allow","Action":["dynamodb:PutItem","dynamodb:UpdateItem"],
                "Resource":"arn:aws:dynamodb:us-east-1:123456789012:table/*"}]}"""));
        // Planted: ci-bot may write new versions of its own policy; a version with "*" makes it admin.
        p.add(customer(stableId("ANPA", "ci-bot-deploy"), "ci-bot-deploy", "ci-bot: push images; keeps its own policy current",
                540, """
                {"Version":"2012-10-17","Statement":[
                {"Sid":"PushImages","Effect":"Allow","Action":["ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability",
                 "ecr:InitiateLayerUpload","ecr:UploadLayerPart","ecr:CompleteLayerUpload","ecr:PutImage"],"Resource":"*"},
                {"Sid":"MaintainOwnPolicy","Effect":"Allow","Action":["iam:GetPolicy","iam:GetPolicyVersion","iam:ListPolicyVersions",
                 "iam:CreatePolicyVersion","iam:DeletePolicyVersion"],"Resource":"arn:aws:iam::123456789012:policy/ci-bot-deploy"}]}"""));
        p.add(customer("unused-legacy-ftp", "Left over from the 2023 FTP migration; attached to nothing", 1100, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:PutObject"],"Resource":"arn:aws:s3:::legacy-ftp-drop/*"}]}"""));
        return p;
    }

    private ManagedPolicy aws(String name, String policyId, String json) {
        Instant created = Instant.parse("2015-02-06T18:39:46Z");
        return ManagedPolicy.builder().name(name).policyId(policyId).arn(AWS + name).defaultVersionId("v1")
                .created(created).updated(created)
                .versions(List.of(new PolicyVersion("v1", true, created, doc(json)))).build();
    }

    private ManagedPolicy customer(String name, String description, int ageDays, String json, String... older) {
        return customer(id("ANPA"), name, description, ageDays, json, older);
    }

    private ManagedPolicy customer(String policyId, String name, String description, int ageDays, String json,
                                   String... older) {
        List<PolicyVersion> versions = new ArrayList<>();
        int n = older.length + 1;
        versions.add(new PolicyVersion("v" + n, true, daysAgo(ageDays - 30.0 * older.length), doc(json)));
        for (int i = 0; i < older.length; i++) {
            versions.add(new PolicyVersion("v" + (n - 1 - i), false, daysAgo(ageDays - 30.0 * (older.length - 1 - i)),
                    doc(older[i])));
        }
        return ManagedPolicy.builder().name(name).policyId(policyId).arn(A + "policy/" + name)
                .defaultVersionId("v" + n).description(description).created(daysAgo(ageDays))
                .updated(versions.get(0).created()).versions(versions).build();
    }

    /** IAM keeps attachment and boundary-usage counts; compute them from the principals. */
    private static List<ManagedPolicy> withAttachmentCounts(List<ManagedPolicy> policies, List<User> users,
                                                           List<Group> groups, List<Role> roles) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        java.util.function.Consumer<List<AttachedPolicy>> count = list ->
                list.forEach(a -> counts.computeIfAbsent(a.arn(), k -> new int[2])[0]++);
        users.forEach(u -> count.accept(u.attachedPolicies()));
        groups.forEach(g -> count.accept(g.attachedPolicies()));
        roles.forEach(r -> count.accept(r.attachedPolicies()));
        users.forEach(u -> u.permissionsBoundaryArn().ifPresent(b -> counts.computeIfAbsent(b, k -> new int[2])[1]++));
        roles.forEach(r -> r.permissionsBoundaryArn().ifPresent(b -> counts.computeIfAbsent(b, k -> new int[2])[1]++));
        return policies.stream().map(p -> {
            int[] c = counts.getOrDefault(p.arn(), new int[2]);
            return p.toBuilder().attachmentCount(c[0]).permissionsBoundaryUsageCount(c[1]).build();
        }).toList();
    }

    // ---- groups -----------------------------------------------------------------------------------------------

    private List<Group> groups() {
        return List.of(
                group("admins", 1500, List.of(), AWS + "AdministratorAccess"),
                group("developers", 1400, List.of(), A + "policy/dev-self-service", AWS + "ReadOnlyAccess",
                        AWS + "IAMUserChangePassword"),
                group("analysts", 1300, List.of(new InlinePolicy("athena-queries", doc("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["athena:StartQueryExecution",
                        "athena:GetQueryResults","glue:GetTable","glue:GetDatabase"],"Resource":"*"}]}"""))),
                        A + "policy/require-mfa-for-writes", AWS + "AmazonS3ReadOnlyAccess", AWS + "IAMUserChangePassword"),
                group("auditors", 900, List.of(), AWS + "ReadOnlyAccess"));
    }

    private Group group(String name, int ageDays, List<InlinePolicy> inline, String... attached) {
        return new Group(name, id("AGPA"), A + "group/" + name, "/", daysAgo(ageDays), inline,
                java.util.Arrays.stream(attached).map(DemoAccountGenerator::attachment).toList());
    }

    private static AttachedPolicy attachment(String arn) {
        return new AttachedPolicy(arn.substring(arn.lastIndexOf('/') + 1), arn);
    }

    // ---- users ------------------------------------------------------------------------------------------------

    private static final String[] CROWD = {
        "aisha.khan", "ben.okafor", "carla.mendes", "deepak.rao", "elena.petrov", "felix.wagner", "grace.liu",
        "hiro.tanaka", "ines.garcia", "jamal.wright", "kira.novak", "liam.oconnor", "maya.cohen", "nils.berg",
        "olivia.brown", "pablo.ruiz", "quinn.taylor", "rosa.silva", "sam.nguyen", "tara.singh", "umar.farouk",
        "vera.ivanova", "will.jones", "xena.papas", "yusuf.demir", "zoe.martin", "adam.kowalski", "bea.larsen",
        "chen.wei", "dora.fischer"};

    private List<User> users() {
        List<User> users = new ArrayList<>();
        // Planted: admin through a group (the admins group has AdministratorAccess). MFA on, otherwise tidy.
        users.add(console("jordan.admin", 1500, 1.2, true).groups(List.of("admins"))
                .addAccessKey(key("jordan.admin", 40, 2.5, "iam", true)).build());
        // Planted: admin through an inline "*" policy on the user.
        users.add(console("temp-admin", 420, 10, true)
                .addInlinePolicy(new InlinePolicy("break-fix-2025", doc("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""")))
                .build());
        // Planted: svc-deploy, the key-rotation runbook's user: one old key (> 90 days), still in daily use.
        users.add(service("svc-deploy", 1000, Tags.of("owner", "platform", "purpose", "ci-deploy"))
                .addAccessKey(new AccessKey("svc-deploy", "AKIAOLD123456EXAMPLE", AccessKey.Status.ACTIVE, daysAgo(903),
                        Optional.of(new AccessKey.KeyLastUsed(daysAgo(0.3), "ecr", "us-east-1"))))
                .addAttachedPolicy(attachment(AWS + "AmazonECS_FullAccess")).build());
        // Planted: two active keys at once (a rotation never finished).
        users.add(service("legacy-etl", 1200, Tags.of("owner", "data"))
                .addAccessKey(key("legacy-etl", 610, 3, "s3", true))
                .addAccessKey(key("legacy-etl", 75, 1, "s3", true))
                .addAttachedPolicy(attachment(AWS + "AmazonS3ReadOnlyAccess")).build());
        // Planted: an active key that was never used.
        users.add(service("svc-reporting", 200, Tags.of("owner", "finance"))
                .addAccessKey(key("svc-reporting", 200, -1, null, true))
                .addAttachedPolicy(attachment(AWS + "AmazonS3ReadOnlyAccess")).build());
        // Planted: never-used users (no sign-in, no key use).
        users.add(console("former-contractor", 380, -1, false).groups(List.of("developers"))
                .addAccessKey(key("former-contractor", 380, -1, null, false)).build());
        users.add(console("intern-2025", 160, -1, false).groups(List.of("analysts")).build());
        // Planted: a console user without MFA, signing in regularly.
        users.add(console("pat.analyst", 700, 0.8, false).groups(List.of("analysts")).build());
        // Planted: a stale key (> 90 days, last used long ago) on an otherwise normal user.
        users.add(service("old-jenkins", 1300, Tags.of("owner", "build"))
                .addAccessKey(key("old-jenkins", 820, 400, "s3", true))
                .addAttachedPolicy(attachment(AWS + "AmazonS3ReadOnlyAccess")).build());
        // Planted: a privilege-escalation path. ci-bot is otherwise tidy (no console, one recent key used today),
        // but its policy ci-bot-deploy lets it create a new default version of ci-bot-deploy itself.
        users.add(User.builder("ci-bot", A + "user/ci-bot").userId(stableId("AIDA", "ci-bot")).created(daysAgo(540))
                .tags(Tags.of("owner", "platform", "purpose", "ci-build"))
                .addAccessKey(new AccessKey("ci-bot", stableId("AKIA", "ci-bot key 1"), AccessKey.Status.ACTIVE,
                        daysAgo(34), Optional.of(new AccessKey.KeyLastUsed(daysAgo(0.1), "ecr", "us-east-1"))))
                .addAttachedPolicy(attachment(A + "policy/ci-bot-deploy")).build());

        // Clean, named: must never be flagged.
        users.add(console("alice", 900, 0.4, true).groups(List.of("developers"))
                .addAccessKey(key("alice", 21, 0.5, "lambda", true))
                .permissionsBoundaryArn(A + "policy/dev-sandbox-boundary").tags(Tags.of("team", "payments")).build());
        users.add(console("bob", 850, 2.1, true).groups(List.of("developers"))
                .permissionsBoundaryArn(A + "policy/dev-sandbox-boundary").tags(Tags.of("team", "search")).build());
        users.add(console("carol", 640, 5.5, true).groups(List.of("developers", "auditors")).build());
        users.add(console("dave.auditor", 300, 12, true).groups(List.of("auditors")).build());

        // The crowd: realistic spreads, kept within policy (keys < 90 days, used within a month, MFA on).
        for (String name : CROWD) {
            int age = 60 + random.nextInt(1400);
            boolean consoleUser = random.nextInt(10) < 8;
            String group = random.nextInt(3) == 0 ? "analysts" : "developers";
            User.Builder b = consoleUser
                    ? console(name, age, random.nextDouble() * 25, true)
                    : service(name, age, Tags.of("owner", group));
            b.groups(List.of(group));
            if (!consoleUser || random.nextInt(2) == 0) {
                int keyAge = Math.min(age, 3 + random.nextInt(84));
                String[] services = {"s3", "lambda", "dynamodb", "sts", "logs", "ecr"};
                b.addAccessKey(key(name, keyAge, Math.min(keyAge, random.nextDouble() * 28),
                        services[random.nextInt(services.length)], true));
            }
            if (group.equals("developers")) {
                b.permissionsBoundaryArn(A + "policy/dev-sandbox-boundary");
            }
            users.add(b.build());
        }
        return users;
    }

    /** A console user: login profile, optional MFA; {@code lastSignIn < 0} means never signed in. */
    private User.Builder console(String name, int ageDays, double lastSignIn, boolean mfa) {
        User.Builder b = User.builder(name, A + "user/" + name).userId(id("AIDA")).created(daysAgo(ageDays))
                .loginProfile(new LoginProfile(daysAgo(ageDays - 0.01), false));
        if (lastSignIn >= 0) {
            passwordLastUsed.put(name, daysAgo(lastSignIn));
        }
        if (mfa) {
            b.addMfaDevice(new MfaDevice(name, A + "mfa/" + name, daysAgo(ageDays - 0.02)));
        }
        return b;
    }

    private User.Builder service(String name, int ageDays, Map<String, String> tags) {
        return User.builder(name, A + "user/" + name).userId(id("AIDA")).created(daysAgo(ageDays)).tags(tags);
    }

    /** An access key {@code ageDays} old, last used {@code usedDaysAgo} (negative: never). */
    private AccessKey key(String user, int ageDays, double usedDaysAgo, String service, boolean active) {
        Optional<AccessKey.KeyLastUsed> last = usedDaysAgo < 0 ? Optional.empty()
                : Optional.of(new AccessKey.KeyLastUsed(daysAgo(usedDaysAgo), service,
                        random.nextInt(4) == 0 ? "us-west-2" : "us-east-1"));
        return new AccessKey(user, id("AKIA"), active ? AccessKey.Status.ACTIVE : AccessKey.Status.INACTIVE,
                daysAgo(ageDays), last);
    }

    // ---- roles ------------------------------------------------------------------------------------------------

    private static String serviceTrust(String service) {
        return """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"%s"},"Action":"sts:AssumeRole"}]}"""
                .formatted(service);
    }

    private static String irsaTrust(String serviceAccount) {
        return """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
                "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{
                "%s:sub":"system:serviceaccount:%s","%s:aud":"sts.amazonaws.com"}}}]}"""
                .formatted(OIDC_ARN, OIDC_URL, serviceAccount, OIDC_URL);
    }

    private List<Role> roles() {
        List<Role> roles = new ArrayList<>();
        // The seed's Access Denied walk-through role: may upload to prod-data/uploads, but the bucket policy
        // demands SSE-KMS on uploads, so a plain PutObject is denied there.
        roles.add(role("app-role", 700, serviceTrust("ec2.amazonaws.com"), 0.1, "us-east-1")
                .attachedPolicies(List.of(attachment(A + "policy/app-data-access")))
                .instanceProfiles(List.of(new InstanceProfile("app-role", id("AIPA"), A + "instance-profile/app-role",
                        "/", daysAgo(700))))
                .tags(Tags.of("Environment", "production", "app", "orders")).build());
        roles.add(role("app-web", 650, serviceTrust("ecs-tasks.amazonaws.com"), 0.02, "us-east-1")
                .attachedPolicies(List.of(attachment(AWS + "AmazonS3ReadOnlyAccess"))).build());
        // Planted: an app- role unused for more than a year, and one never used.
        roles.add(role("app-legacy-batch", 1000, serviceTrust("batch.amazonaws.com"), 455, "us-east-1")
                .attachedPolicies(List.of(attachment(AWS + "AmazonS3ReadOnlyAccess"))).build());
        roles.add(role("app-reports-old", 640, serviceTrust("lambda.amazonaws.com"), -1, null)
                .attachedPolicies(List.of(attachment(AWS + "AWSLambdaBasicExecutionRole"))).build());
        // The seed's cross-account role, done right: trusts one role in 111111111111 and demands the ExternalId.
        roles.add(role("cross-account-deploy", 420, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/ci-pipeline"},
                "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"prod-deploy-2024"}}}]}""", 0.5, "us-east-1")
                .attachedPolicies(List.of(attachment(AWS + "AmazonECS_FullAccess"))).build());
        // The source side of the seed's cross-account setup, as a role in this account.
        roles.add(role("ci-pipeline", 800, serviceTrust("codebuild.amazonaws.com"), 0.5, "us-east-1")
                .inlinePolicies(List.of(new InlinePolicy("assume-target-account", doc("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
                        "Resource":"arn:aws:iam::222222222222:role/cross-account-deploy"}]}""")))).build());
        // Planted: cross-account trust without an ExternalId (a third party's whole account).
        roles.add(role("partner-readonly", 500, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},
                "Action":"sts:AssumeRole"}]}""", 9, "us-east-1")
                .attachedPolicies(List.of(attachment(AWS + "ReadOnlyAccess"))).build());
        // Planted: a role anyone in any AWS account can assume.
        roles.add(role("public-debug-role", 260, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}""",
                40, "us-east-1")
                .attachedPolicies(List.of(attachment(AWS + "AmazonS3ReadOnlyAccess"))).build());
        // The seed's break-glass role, configured as the runbook says (MFA, 1 h sessions, AdministratorAccess).
        roles.add(role("break-glass-admin", 365, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},
                "Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"},
                "NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}]}""", -1, null)
                .description("Emergency access; alerts fire on every assumption")
                .maxSessionDuration(Duration.ofHours(1))
                .attachedPolicies(List.of(attachment(AWS + "AdministratorAccess"))).build());
        // Developer sandbox roles: two under the boundary, one planted without it, one planted with admin under it.
        roles.add(role("dev-alice-lambda", 90, serviceTrust("lambda.amazonaws.com"), 1, "us-east-1")
                .permissionsBoundaryArn(A + "policy/dev-sandbox-boundary")
                .attachedPolicies(List.of(attachment(AWS + "AWSLambdaBasicExecutionRole"))).build());
        roles.add(role("dev-bob-etl", 120, serviceTrust("lambda.amazonaws.com"), 3, "us-east-1")
                .permissionsBoundaryArn(A + "policy/dev-sandbox-boundary")
                .attachedPolicies(List.of(attachment(A + "policy/lambda-queue-worker"))).build());
        roles.add(role("dev-carol-test", 45, serviceTrust("lambda.amazonaws.com"), 6, "us-east-1")
                .attachedPolicies(List.of(attachment(AWS + "AdministratorAccess"))).build());
        // Planted: AdministratorAccess attached, but under the boundary: not admin-equivalent (admins(): ADMIN-CAPPED).
        roles.add(role(stableId("AROA", "dev-dana-admin-test"), "dev-dana-admin-test", 20,
                serviceTrust("lambda.amazonaws.com"), 2, "us-east-1")
                .permissionsBoundaryArn(A + "policy/dev-sandbox-boundary")
                .attachedPolicies(List.of(attachment(AWS + "AdministratorAccess"))).build());
        // IRSA: my-app-role matches the service account; the planted one names the wrong one.
        roles.add(role("my-app-role", 530, irsaTrust("default:my-app-sa"), 0.05, "us-east-1")
                .attachedPolicies(List.of(attachment(A + "policy/my-app-s3-read"))).build());
        roles.add(role("my-app-role-v2", 60, irsaTrust("default:wrong-sa"), -1, null)
                .attachedPolicies(List.of(attachment(A + "policy/my-app-s3-read"))).build());
        // Service-linked roles, as every account has them.
        roles.add(role("AWSServiceRoleForSupport", 2000, serviceTrust("support.amazonaws.com"), 30, "us-east-1")
                .path("/aws-service-role/support.amazonaws.com/").build());
        roles.add(role("AWSServiceRoleForTrustedAdvisor", 2000, serviceTrust("trustedadvisor.amazonaws.com"), 1, "us-east-1")
                .path("/aws-service-role/trustedadvisor.amazonaws.com/").build());
        // The crowd: workers with service trusts and a spread of last-used dates.
        String[][] kinds = {{"lambda", "lambda.amazonaws.com"}, {"ecs-task", "ecs-tasks.amazonaws.com"},
                {"glue-job", "glue.amazonaws.com"}};
        String[] names = {"orders", "billing", "search", "email", "thumbnails", "ledger", "fraud-score", "exports",
                "inventory", "pricing", "notifications", "audit-log", "sessions", "catalog", "payouts", "geo"};
        for (String name : names) {
            String[] kind = kinds[random.nextInt(kinds.length)];
            double used = random.nextDouble() * 60;
            roles.add(role(kind[0] + "-" + name, 100 + random.nextInt(900), serviceTrust(kind[1]), used, "us-east-1")
                    .attachedPolicies(List.of(attachment(kind[0].equals("lambda") ? A + "policy/lambda-queue-worker"
                            : AWS + "AmazonS3ReadOnlyAccess"),
                            attachment(AWS + "AWSLambdaBasicExecutionRole")))
                    .tags(Tags.of("app", name)).build());
        }
        return roles;
    }

    private Role.Builder role(String name, int ageDays, String trust, double lastUsedDaysAgo, String region) {
        return role(id("AROA"), name, ageDays, trust, lastUsedDaysAgo, region);
    }

    private Role.Builder role(String roleId, String name, int ageDays, String trust, double lastUsedDaysAgo, String region) {
        return Role.builder(name, A + "role/" + name).roleId(roleId).created(daysAgo(ageDays))
                .trustPolicy(doc(trust))
                .lastUsed(lastUsedDaysAgo < 0 ? null : new RoleLastUsed(daysAgo(lastUsedDaysAgo), region));
    }

    // ---- S3, VPC endpoints, organization --------------------------------------------------------------------

    private static final String OWNER_ID = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

    private List<Bucket> buckets() {
        Bucket.Acl ownerOnly = new Bucket.Acl(OWNER_ID, List.of(new Bucket.Grant("CanonicalUser", OWNER_ID, "FULL_CONTROL")));
        Bucket.PublicAccessBlock blocked = new Bucket.PublicAccessBlock(true, true, true, true);
        return List.of(
                new Bucket("prod-data", "us-east-1", Optional.of(daysAgo(1400)), Optional.of(doc("""
                        {"Version":"2012-10-17","Statement":[
                        {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",
                         "Resource":["arn:aws:s3:::prod-data","arn:aws:s3:::prod-data/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}},
                        {"Sid":"DenyUnencryptedUploads","Effect":"Deny","Principal":"*","Action":"s3:PutObject",
                         "Resource":"arn:aws:s3:::prod-data/*","Condition":{"StringNotEquals":{"s3:x-amz-server-side-encryption":"aws:kms"}}},
                        {"Sid":"AppRoleUploads","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/app-role"},
                         "Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::prod-data/uploads/*"}]}""")),
                        Optional.of(ownerOnly), Optional.of(blocked), Optional.of("BucketOwnerEnforced")),
                // Planted: the seed's bucket-ARN mistake, s3:GetObject granted on the bucket ARN instead of /*.
                // It is app-role's only grant on my-bucket: ListBucket works, GetObject is denied (c0ffee00-0003).
                new Bucket("my-bucket", "us-east-1", Optional.of(daysAgo(800)), Optional.of(doc("""
                        {"Version":"2012-10-17","Statement":[
                        {"Sid":"AppRoleRead","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/app-role"},
                         "Action":["s3:GetObject","s3:ListBucket"],"Resource":"arn:aws:s3:::my-bucket"}]}""")),
                        Optional.of(ownerOnly), Optional.of(blocked), Optional.of("BucketOwnerPreferred")),
                // Planted: a public website bucket, readable by anyone through policy and ACL, no public access block.
                new Bucket("marketing-site", "us-east-1", Optional.of(daysAgo(1000)), Optional.of(doc("""
                        {"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*",
                         "Action":"s3:GetObject","Resource":"arn:aws:s3:::marketing-site/*"}]}""")),
                        Optional.of(new Bucket.Acl(OWNER_ID, List.of(
                                new Bucket.Grant("CanonicalUser", OWNER_ID, "FULL_CONTROL"),
                                new Bucket.Grant("Group", Bucket.Grant.ALL_USERS, "READ")))),
                        Optional.empty(), Optional.of("ObjectWriter")),
                new Bucket("example-prod-cloudtrail", "us-east-1", Optional.of(daysAgo(1500)), Optional.of(doc("""
                        {"Version":"2012-10-17","Statement":[
                        {"Sid":"AWSCloudTrailAclCheck","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},
                         "Action":"s3:GetBucketAcl","Resource":"arn:aws:s3:::example-prod-cloudtrail"},
                        {"Sid":"AWSCloudTrailWrite","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},
                         "Action":"s3:PutObject","Resource":"arn:aws:s3:::example-prod-cloudtrail/AWSLogs/123456789012/*",
                         "Condition":{"StringEquals":{"s3:x-amz-acl":"bucket-owner-full-control"}}}]}""")),
                        Optional.of(ownerOnly), Optional.of(blocked), Optional.of("BucketOwnerEnforced")));
    }

    private List<VpcEndpoint> vpcEndpoints() {
        return List.of(new VpcEndpoint("vpce-0a1b2c3d4e5f67890", "vpc-0123456789abcdef0", "com.amazonaws.us-east-1.s3",
                "Gateway", "available", Optional.of(doc("""
                        {"Version":"2012-10-17","Statement":[{"Sid":"OnlyOurBuckets","Effect":"Allow","Principal":"*",
                        "Action":"s3:*","Resource":["arn:aws:s3:::prod-data","arn:aws:s3:::prod-data/*",
                        "arn:aws:s3:::my-bucket","arn:aws:s3:::my-bucket/*"]}]}"""))));
    }

    private Organization organization() {
        String org = "o-a1b2c3d4e5";
        String mgmt = "999999999999";
        String root = "r-a1b2";
        String prod = "ou-a1b2-prod0001";
        String shared = "ou-a1b2-shrd0001";
        String sandbox = "ou-a1b2-sbox0001";
        OrgPolicy full = new OrgPolicy("p-FullAWSAccess", "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
                "FullAWSAccess", "Allows access to every operation", OrgPolicy.SCP, true,
                doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
        OrgPolicy guardrails = new OrgPolicy("p-prodguard1", orgPolicyArn(mgmt, org, "service_control_policy", "p-prodguard1"),
                "prod-guardrails", "Production: stay in our regions, never leave the organization, keep CloudTrail on",
                OrgPolicy.SCP, false, doc("""
                        {"Version":"2012-10-17","Statement":[
                        {"Sid":"DenyLeaveOrganization","Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"},
                        {"Sid":"ProtectCloudTrail","Effect":"Deny","Action":["cloudtrail:StopLogging","cloudtrail:DeleteTrail"],"Resource":"*"},
                        {"Sid":"DenyOtherRegions","Effect":"Deny","NotAction":["iam:*","sts:*","organizations:*","support:*","cloudfront:*","route53:*"],
                         "Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["us-east-1","us-west-2"]}}}]}"""));
        OrgPolicy sandboxScp = new OrgPolicy("p-sandbox01", orgPolicyArn(mgmt, org, "service_control_policy", "p-sandbox01"),
                "sandbox-no-expensive", "Sandbox accounts: no large instances", OrgPolicy.SCP, false, doc("""
                        {"Version":"2012-10-17","Statement":[{"Sid":"DenyLargeInstances","Effect":"Deny","Action":"ec2:RunInstances",
                        "Resource":"arn:aws:ec2:*:*:instance/*","Condition":{"ForAnyValue:StringNotLike":{"ec2:InstanceType":["t3.*","t4g.*"]}}}]}"""));
        OrgPolicy rcp = new OrgPolicy("p-rcpsecure1", orgPolicyArn(mgmt, org, "resource_control_policy", "p-rcpsecure1"),
                "enforce-secure-transport", "Resources accept only TLS requests", OrgPolicy.RCP, false, doc("""
                        {"Version":"2012-10-17","Statement":[{"Sid":"EnforceTLS","Effect":"Deny","Principal":"*",
                        "Action":["s3:*","sqs:*","kms:*","secretsmanager:*","sts:*"],"Resource":"*",
                        "Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}]}"""));
        OrgPolicy rcpFull = new OrgPolicy("p-RCPFullAWSAccess", "arn:aws:organizations::aws:policy/resource_control_policy/p-RCPFullAWSAccess",
                "RCPFullAWSAccess", "Allows access to every operation", OrgPolicy.RCP, true,
                doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
        List<OrgUnit> units = List.of(
                new OrgUnit(root, "arn:aws:organizations::" + mgmt + ":root/" + org + "/" + root, "Root", "",
                        List.of(full.id(), rcpFull.id(), rcp.id())),
                new OrgUnit(prod, ouArn(mgmt, org, prod), "Production", root, List.of(full.id(), guardrails.id())),
                new OrgUnit(shared, ouArn(mgmt, org, shared), "Shared", root, List.of(full.id())),
                new OrgUnit(sandbox, ouArn(mgmt, org, sandbox), "Sandbox", root, List.of(full.id(), sandboxScp.id())));
        List<OrgAccount> accounts = List.of(
                account(mgmt, org, "management", "aws-management@example.com", root, full.id()),
                account(ACCOUNT, org, "example-prod", "aws-prod@example.com", prod, full.id()),
                account("222222222222", org, "example-staging", "aws-staging@example.com", prod, full.id()),
                account("111111111111", org, "tools-ci", "aws-tools@example.com", shared, full.id()),
                account("333333333333", org, "sandbox-dev", "aws-sandbox@example.com", sandbox, full.id()));
        return new Organization(org, "arn:aws:organizations::" + mgmt + ":organization/" + org, mgmt, "ALL",
                units, accounts, List.of(full, guardrails, sandboxScp, rcpFull, rcp));
    }

    private static String orgPolicyArn(String mgmt, String org, String type, String id) {
        return "arn:aws:organizations::" + mgmt + ":policy/" + org + "/" + type + "/" + id;
    }

    private static String ouArn(String mgmt, String org, String ou) {
        return "arn:aws:organizations::" + mgmt + ":ou/" + org + "/" + ou;
    }

    private static OrgAccount account(String id, String org, String name, String email, String parent, String... policies) {
        return new OrgAccount(id, "arn:aws:organizations::999999999999:account/" + org + "/" + id, name, email, "ACTIVE",
                parent, List.of(policies));
    }

    // ---- Access Analyzer and CloudTrail --------------------------------------------------------------------

    private List<AnalyzerFinding> findings() {
        return List.of(
                finding("9f1c0e4a-0001", A + "role/partner-readonly", "AWS::IAM::Role", Map.of("AWS", "444455556666"),
                        List.of("sts:AssumeRole"), false, 480, "ExternalAccess"),
                finding("9f1c0e4a-0002", A + "role/public-debug-role", "AWS::IAM::Role", Map.of("AWS", "*"),
                        List.of("sts:AssumeRole"), true, 250, "ExternalAccess"),
                finding("9f1c0e4a-0003", "arn:aws:s3:::marketing-site", "AWS::S3::Bucket", Map.of("AWS", "*"),
                        List.of("s3:GetObject"), true, 900, "ExternalAccess"),
                finding("9f1c0e4a-0004", A + "role/app-reports-old", "AWS::IAM::Role", Map.of(), List.of(), null, 200,
                        "UnusedIAMRole"),
                finding("9f1c0e4a-0005", A + "user/old-jenkins", "AWS::IAM::User", Map.of(), List.of(), null, 300,
                        "UnusedIAMUserAccessKey"));
    }

    private static AnalyzerFinding finding(String id, String resource, String type, Map<String, String> principal,
                                           List<String> actions, Boolean isPublic, int ageDays, String findingType) {
        return new AnalyzerFinding(id, resource, type, ACCOUNT, "ACTIVE", findingType, principal, actions, Map.of(),
                Optional.ofNullable(isPublic), Optional.of(daysAgo(ageDays)), Optional.of(daysAgo(1)), Optional.of(daysAgo(1)));
    }

    private List<CloudTrailEvent> events() {
        List<CloudTrailEvent> events = new ArrayList<>();
        String appSession = "arn:aws:sts::123456789012:assumed-role/app-role/i-0a12b34c56d78e90f";
        // The seed's step 4: a denied PutObject by app-role (the bucket policy wants SSE-KMS).
        events.add(event("c0ffee00-0001", 0.25, "PutObject", "s3.amazonaws.com", "app-role", "AssumedRole", appSession,
                "AccessDenied", "User: " + appSession + " is not authorized to perform: s3:PutObject on resource: "
                        + "\"arn:aws:s3:::prod-data/uploads/report-2026-10-31.csv\" with an explicit deny in a resource-based policy",
                "{\"bucketName\":\"prod-data\",\"key\":\"uploads/report-2026-10-31.csv\",\"Host\":\"prod-data.s3.us-east-1.amazonaws.com\"}"));
        events.add(event("c0ffee00-0002", 0.24, "PutObject", "s3.amazonaws.com", "app-role", "AssumedRole", appSession,
                null, null, "{\"bucketName\":\"prod-data\",\"key\":\"uploads/report-2026-10-31.csv\","
                        + "\"x-amz-server-side-encryption\":\"aws:kms\",\"Host\":\"prod-data.s3.us-east-1.amazonaws.com\"}"));
        events.add(event("c0ffee00-0003", 0.6, "GetObject", "s3.amazonaws.com", "app-role", "AssumedRole", appSession,
                "AccessDenied", "Access Denied", "{\"bucketName\":\"my-bucket\",\"key\":\"data/file.json\"}"));
        events.add(event("c0ffee00-0004", 0.5, "AssumeRole", "sts.amazonaws.com", "ci-pipeline", "AWSAccount",
                "arn:aws:sts::111111111111:assumed-role/ci-pipeline/build-4711", null, null,
                "{\"roleArn\":\"arn:aws:iam::123456789012:role/cross-account-deploy\",\"roleSessionName\":\"deploy-4711\",\"externalId\":\"prod-deploy-2024\"}"));
        events.add(event("c0ffee00-0005", 0.8, "ConsoleLogin", "signin.amazonaws.com", "pat.analyst", "IAMUser",
                A + "user/pat.analyst", null, null, "null"));
        events.add(event("c0ffee00-0006", 0.3, "GetAuthorizationToken", "ecr.amazonaws.com", "svc-deploy", "IAMUser",
                A + "user/svc-deploy", null, null, "{}"));
        events.add(event("c0ffee00-0007", 2.5, "CreateAccessKey", "iam.amazonaws.com", "jordan.admin", "IAMUser",
                A + "user/jordan.admin", null, null, "{\"userName\":\"jordan.admin\"}"));
        events.add(event("c0ffee00-0008", 40, "AssumeRole", "sts.amazonaws.com", "", "AWSAccount",
                "arn:aws:sts::210987654321:assumed-role/scanner/probe", null, null,
                "{\"roleArn\":\"arn:aws:iam::123456789012:role/public-debug-role\",\"roleSessionName\":\"probe\"}"));
        events.add(event("c0ffee00-0009", 6, "CreateRole", "iam.amazonaws.com", "carol", "IAMUser", A + "user/carol",
                "AccessDenied", "User: arn:aws:iam::123456789012:user/carol is not authorized to perform: iam:CreateRole on resource: "
                        + "arn:aws:iam::123456789012:role/dev-carol-test2 because no identity-based policy allows the iam:CreateRole action",
                "{\"roleName\":\"dev-carol-test2\"}"));
        events.sort(java.util.Comparator.comparing(CloudTrailEvent::eventTime).reversed());
        return events;
    }

    private static CloudTrailEvent event(String id, double daysAgo, String name, String source, String username,
                                         String identityType, String identityArn, String errorCode, String errorMessage,
                                         String requestParameters) {
        Instant at = daysAgo(daysAgo);
        StringBuilder raw = new StringBuilder("{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"")
                .append(identityType).append("\",\"arn\":\"").append(identityArn).append("\"},\"eventTime\":\"")
                .append(at).append("\",\"eventSource\":\"").append(source).append("\",\"eventName\":\"").append(name)
                .append("\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.10\"");
        if (errorCode != null) {
            raw.append(",\"errorCode\":\"").append(errorCode).append("\",\"errorMessage\":\"")
                    .append(errorMessage.replace("\"", "\\\"")).append('"');
        }
        raw.append(",\"requestParameters\":").append(requestParameters)
                .append(",\"eventID\":\"").append(id).append("\",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"")
                .append(ACCOUNT).append("\"}");
        return CloudTrailEvent.fromRecord(id, username, raw.toString(), "demo event " + id);
    }
}
