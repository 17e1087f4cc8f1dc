package iamnb.policy.bench;

import iamnb.model.AccountSnapshot;
import iamnb.Account;
import iamnb.model.AttachedPolicy;
import iamnb.model.InlinePolicy;
import iamnb.model.ManagedPolicy;
import iamnb.model.OrgAccount;
import iamnb.model.OrgPolicy;
import iamnb.model.OrgUnit;
import iamnb.model.Organization;
import iamnb.model.PolicyDocument;
import iamnb.model.Role;
import iamnb.policy.Layers;
import iamnb.policy.Request;
import iamnb.policy.RequestPrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The requests, policies and synthetic account the benchmarks evaluate. */
final class BenchFixtures {
    static final String ACCT = "123456789012";

    private BenchFixtures() {}

    static PolicyDocument doc(String statements) {
        return PolicyDocument.parse(("{'Version':'2012-10-17','Statement':[" + statements + "]}").replace('\'', '"'));
    }

    /** One identity policy with one Allow statement, no condition. */
    static Layers simpleLayers() {
        return Layers.builder().identity("s3-read",
                doc("{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::prod-data/*'}")).build();
    }

    static Request simpleRequest() {
        return Request.builder().principal(RequestPrincipal.user("arn:aws:iam::" + ACCT + ":user/alice"))
                .action("s3:GetObject").resource("arn:aws:s3:::prod-data/reports/2024.csv").resourceAccount(ACCT).build();
    }

    /**
     * A realistic principal: ten attached policies of four to six statements each (wildcards, NotAction,
     * conditions on tags, MFA, source IP, prefixes, a policy variable), a permissions boundary with Deny
     * statements and conditions, and three SCP levels.
     */
    static Layers realisticLayers() {
        Layers.Builder b = Layers.builder();
        String[] services = {"ec2", "dynamodb", "lambda", "sqs", "sns", "logs", "cloudwatch", "kms", "ecr"};
        for (int i = 0; i < 9; i++) {
            String svc = services[i];
            b.identity("team-" + svc, doc(
                    "{'Sid':'Read" + i + "','Effect':'Allow','Action':['" + svc + ":Describe*','" + svc + ":List*','" + svc + ":Get*'],'Resource':'*'},"
                    + "{'Sid':'Write" + i + "','Effect':'Allow','Action':['" + svc + ":Put*','" + svc + ":Create*'],'Resource':'arn:aws:" + svc + ":us-east-1:" + ACCT + ":team-*',"
                    + "'Condition':{'StringEquals':{'aws:ResourceTag/team':'${aws:PrincipalTag/team}'},'Bool':{'aws:MultiFactorAuthPresent':'true'}}},"
                    + "{'Sid':'Net" + i + "','Effect':'Allow','Action':'" + svc + ":*','Resource':'*','Condition':{'IpAddress':{'aws:SourceIp':['10.0.0.0/8','192.168.0.0/16']}}},"
                    + "{'Sid':'NoDelete" + i + "','Effect':'Deny','Action':'" + svc + ":Delete*','Resource':'*','Condition':{'StringNotLike':{'aws:PrincipalTag/role':'admin*'}}}"));
        }
        b.identity("s3-home", doc(
                "{'Sid':'ListHome','Effect':'Allow','Action':'s3:ListBucket','Resource':'arn:aws:s3:::prod-data','Condition':{'StringLike':{'s3:prefix':['home/${aws:username}/*','shared/*']}}},"
                + "{'Sid':'Objects','Effect':'Allow','Action':['s3:GetObject','s3:PutObject'],'Resource':['arn:aws:s3:::prod-data/home/${aws:username}/*','arn:aws:s3:::prod-data/reports/*']},"
                + "{'Sid':'NoPublic','Effect':'Deny','Action':'s3:PutObjectAcl','Resource':'*'},"
                + "{'Sid':'TLS','Effect':'Deny','Action':'s3:*','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':'false'}}},"
                + "{'Sid':'Tags','Effect':'Allow','Action':'s3:GetObjectTagging','Resource':'*','Condition':{'ForAllValues:StringEquals':{'aws:TagKeys':['team','env']}}}"));
        b.boundary("dev-sandbox-boundary", doc(
                "{'Sid':'AllowedServices','Effect':'Allow','Action':['s3:*','dynamodb:*','lambda:*','sqs:*','sns:*','logs:*','cloudwatch:*','xray:*'],'Resource':'*'},"
                + "{'Sid':'DenyProductionResources','Effect':'Deny','Action':'*','Resource':'*','Condition':{'StringEquals':{'aws:ResourceTag/Environment':'production'}}},"
                + "{'Sid':'DenyDangerousActions','Effect':'Deny','Action':['iam:CreateUser','iam:DeleteRole','iam:DeletePolicy','organizations:*','account:*'],'Resource':'*'}"));
        PolicyDocument full = doc("{'Effect':'Allow','Action':'*','Resource':'*'}");
        b.scp("Root", "FullAWSAccess", full);
        b.scp("OU Production", "FullAWSAccess", full);
        b.scp("OU Production", "prod-guardrails", doc(
                "{'Sid':'DenyOtherRegions','Effect':'Deny','NotAction':['iam:*','sts:*','organizations:*'],'Resource':'*','Condition':{'StringNotEquals':{'aws:RequestedRegion':['us-east-1','us-west-2']}}},"
                + "{'Sid':'ProtectTrail','Effect':'Deny','Action':['cloudtrail:StopLogging','cloudtrail:DeleteTrail'],'Resource':'*'}"));
        b.scp("account " + ACCT, "FullAWSAccess", full);
        return b.build();
    }

    static Request realisticRequest() {
        return Request.builder()
                .principal(RequestPrincipal.user("arn:aws:iam::" + ACCT + ":user/alice").withUserId("AIDAEXAMPLE")
                        .withTags(Map.of("team", "blue", "role", "developer")))
                .action("s3:PutObject").resource("arn:aws:s3:::prod-data/home/alice/notes.txt").resourceAccount(ACCT)
                .context("aws:SourceIp", "10.1.2.3").context("aws:SecureTransport", "true")
                .context("aws:RequestedRegion", "us-east-1").context("aws:MultiFactorAuthPresent", "true")
                .build();
    }

    /**
     * A synthetic account of {@code roles} roles: each has two of 50 managed policies and an inline policy, one
     * in five has a permissions boundary, and the account sits under Root → OU Production with SCPs.
     */
    static Account syntheticAccount(int roles) {
        Random r = new Random(42);
        AccountSnapshot.Builder b = AccountSnapshot.builder(ACCT, Instant.parse("2025-01-01T00:00:00Z"));
        String[] services = {"s3", "ec2", "dynamodb", "lambda", "sqs", "sns", "logs", "kms", "ecr", "glue"};
        List<ManagedPolicy> pool = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String svc = services[i % services.length];
            String arn = "arn:aws:iam::" + ACCT + ":policy/pool-" + i;
            PolicyDocument d = doc("{'Sid':'Read','Effect':'Allow','Action':['" + svc + ":Get*','" + svc + ":List*'],'Resource':'*'},"
                    + "{'Sid':'Write','Effect':'Allow','Action':'" + svc + ":Put*','Resource':'arn:aws:" + svc + ":*:" + ACCT + ":app-" + i + "*',"
                    + "'Condition':{'StringEquals':{'aws:ResourceTag/app':'app-" + i + "'}}},"
                    + "{'Sid':'NoDelete','Effect':'Deny','Action':'" + svc + ":Delete*','Resource':'*'}");
            ManagedPolicy mp = ManagedPolicy.builder("pool-" + i, arn, d).build();
            pool.add(mp);
            b.addPolicy(mp);
        }
        ManagedPolicy boundary = ManagedPolicy.builder("dev-sandbox-boundary", "arn:aws:iam::" + ACCT + ":policy/dev-sandbox-boundary",
                doc("{'Effect':'Allow','Action':['s3:*','dynamodb:*','lambda:*','sqs:*','logs:*'],'Resource':'*'},"
                        + "{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'StringEquals':{'aws:ResourceTag/Environment':'production'}}}"))
                .build();
        b.addPolicy(boundary);
        PolicyDocument trust = doc("{'Effect':'Allow','Principal':{'Service':'lambda.amazonaws.com'},'Action':'sts:AssumeRole'}");
        for (int i = 0; i < roles; i++) {
            ManagedPolicy a = pool.get(r.nextInt(pool.size()));
            ManagedPolicy c = pool.get(r.nextInt(pool.size()));
            String name = "app-role-" + i;
            Role.Builder rb = Role.builder(name, "arn:aws:iam::" + ACCT + ":role/" + name).roleId("AROA" + i).trustPolicy(trust)
                    .addAttachedPolicy(new AttachedPolicy(a.name(), a.arn())).addAttachedPolicy(new AttachedPolicy(c.name(), c.arn()))
                    .addInlinePolicy(new InlinePolicy("own-data", doc("{'Effect':'Allow','Action':['s3:GetObject','s3:PutObject'],"
                            + "'Resource':'arn:aws:s3:::data-" + (i % 100) + "/*'}")))
                    .tags(Map.of("team", "team-" + (i % 20)));
            if (i % 5 == 0) {
                rb.permissionsBoundaryArn(boundary.arn());
            }
            b.addRole(rb.build());
        }
        PolicyDocument full = doc("{'Effect':'Allow','Action':'*','Resource':'*'}");
        PolicyDocument guard = doc("{'Sid':'DenyOtherRegions','Effect':'Deny','NotAction':['iam:*','sts:*'],'Resource':'*',"
                + "'Condition':{'StringNotEquals':{'aws:RequestedRegion':['us-east-1','us-west-2']}}}");
        String org = "o-bench";
        b.organization(new Organization(org, "arn:aws:organizations::999999999999:organization/" + org, "999999999999", "ALL",
                List.of(new OrgUnit("r-1", "arn:aws:organizations::999999999999:root/" + org + "/r-1", "Root", "", List.of("p-full")),
                        new OrgUnit("ou-1", "arn:aws:organizations::999999999999:ou/" + org + "/ou-1", "Production", "r-1", List.of("p-full", "p-guard"))),
                List.of(new OrgAccount(ACCT, "arn:aws:organizations::999999999999:account/" + org + "/" + ACCT, "prod", "prod@example.com",
                        "ACTIVE", "ou-1", List.of("p-full"))),
                List.of(new OrgPolicy("p-full", "arn:aws:organizations::aws:policy/service_control_policy/p-full", "FullAWSAccess", "",
                                OrgPolicy.SCP, true, full),
                        new OrgPolicy("p-guard", "arn:aws:organizations::999999999999:policy/" + org + "/service_control_policy/p-guard",
                                "prod-guardrails", "", OrgPolicy.SCP, false, guard))));
        return new Account(b.build(), "synthetic " + roles + " roles");
    }
}
