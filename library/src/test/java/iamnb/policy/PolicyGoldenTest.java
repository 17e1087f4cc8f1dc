package iamnb.policy;

import static iamnb.policy.Golden.ACCT;
import static iamnb.policy.Golden.OTHER;
import static iamnb.policy.Golden.allow;
import static iamnb.policy.Golden.allowAll;
import static iamnb.policy.Golden.arnRole;
import static iamnb.policy.Golden.arnUser;
import static iamnb.policy.Golden.c;
import static iamnb.policy.Golden.deny;
import static iamnb.policy.Golden.policy;
import static iamnb.policy.LayerKind.IDENTITY;
import static iamnb.policy.LayerKind.PERMISSIONS_BOUNDARY;
import static iamnb.policy.LayerKind.RCP;
import static iamnb.policy.LayerKind.RESOURCE_POLICY;
import static iamnb.policy.LayerKind.SCP;
import static iamnb.policy.LayerKind.SESSION_POLICY;
import static iamnb.policy.Verdict.ALLOW;
import static iamnb.policy.Verdict.EXPLICIT_DENY;
import static iamnb.policy.Verdict.IMPLICIT_DENY;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.model.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden table: each case is a statement of AWS's IAM documentation turned into a request, its policies and
 * the decision the documentation gives. Every case cites the page title and section it comes from.
 */
class PolicyGoldenTest {

    // Page titles of the IAM User Guide (and two other guides) the cases cite.
    static final String EVAL = "How AWS enforcement code logic evaluates requests to allow or deny access";
    static final String SINGLE = "Policy evaluation for requests within a single account";
    static final String CROSS = "Cross-account policy evaluation logic";
    static final String BOUNDARIES = "Permissions boundaries for IAM entities › Evaluating effective permissions with boundaries";
    static final String SESSION = "Policy types › Session policies";
    static final String OPS = "IAM JSON policy elements: Condition operators";
    static final String SETS = "Set operators for multivalued context keys";
    static final String VARS = "IAM policy elements: Variables and tags";
    static final String VERSION = "IAM JSON policy elements: Version";
    static final String ACTION = "IAM JSON policy elements: Action";
    static final String NOT_ACTION = "IAM JSON policy elements: NotAction";
    static final String RESOURCE = "IAM JSON policy elements: Resource";
    static final String NOT_RESOURCE = "IAM JSON policy elements: NotResource";
    static final String PRINCIPAL = "AWS JSON policy elements: Principal";
    static final String NOT_PRINCIPAL = "AWS JSON policy elements: NotPrincipal › Key points";
    static final String GLOBAL = "AWS global condition context keys";
    static final String SCPS = "AWS Organizations User Guide › Service control policies (SCPs)";
    static final String RCPS = "AWS Organizations User Guide › Resource control policies (RCPs)";
    static final String KMS = "AWS KMS Developer Guide › Key policies in AWS KMS";
    static final String S3 = "Amazon S3 User Guide › Policy resources for Amazon S3";
    static final String SEED = "Seed runbook (IAM Street-Level Ops)";

    static Stream<Golden> cases() {
        List<Golden> all = new ArrayList<>();
        all.addAll(evaluationLogic());
        all.addAll(organizations());
        all.addAll(resourcePolicies());
        all.addAll(trustAndKeyPolicies());
        all.addAll(principals());
        all.addAll(actions());
        all.addAll(resources());
        all.addAll(ConditionGolden.cases());
        all.addAll(VariableGolden.cases());
        all.addAll(ServiceRuleGolden.cases());
        all.addAll(seedRunbook());
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void golden(Golden g) {
        g.check();
    }

    @Test
    void goldenTable_hasAtLeast150Cases_eachCitingItsSource() {
        List<Golden> all = cases().toList();
        assertTrue(all.size() >= 150, "only " + all.size() + " golden cases");
        for (Golden g : all) {
            assertTrue(!g.cite.isBlank(), g.name + " cites no documentation");
        }
        assertTrue(all.stream().map(g -> g.name).distinct().count() == all.size(), "case names must be unique");
    }

    static List<Golden> evaluationLogic() {
        return List.of(
            // EVAL › "By default, all requests are implicitly denied"
            c("no policy at all is an implicit deny").cite(EVAL + " › summary")
                .expect(IMPLICIT_DENY, IDENTITY),
            // EVAL › "Identity-based policies": an Allow in an identity-based policy grants
            c("identity Allow grants").cite(EVAL + " › Identity-based policies")
                .identity(policy(allow("s3:GetObject", "arn:aws:s3:::bucket/*"))).expect(ALLOW, IDENTITY),
            // EVAL › "An explicit deny overrides an explicit allow"
            c("Deny in the same policy overrides Allow").cite(EVAL + " › summary")
                .identity(policy(allow("s3:*", "*"), deny("s3:GetObject", "*"))).expect(EXPLICIT_DENY, IDENTITY),
            c("Deny in another identity policy overrides Allow").cite(EVAL + " › Deny evaluation")
                .identity(policy(allow("s3:*", "*"))).identity(policy(deny("s3:Get*", "*")))
                .expect(EXPLICIT_DENY, IDENTITY),
            // EVAL › "with the exception of the AWS account root user, which has full access"
            c("root user without policies is allowed in its own account").cite(EVAL + " › summary")
                .principal(RequestPrincipal.root(ACCT)).expect(ALLOW, IDENTITY),
            c("root user is still stopped by an explicit deny in a bucket policy").cite(EVAL + " › Deny evaluation")
                .principal(RequestPrincipal.root(ACCT))
                .resourcePolicy(policy("{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'arn:aws:s3:::bucket/*'}"))
                .expect(EXPLICIT_DENY, RESOURCE_POLICY),
            // AWS STS API Reference › AssumeRole: root user credentials cannot call AssumeRole
            c("root user cannot assume a role").cite("AWS STS API Reference › AssumeRole")
                .principal(RequestPrincipal.root(ACCT)).action("sts:AssumeRole").resource(arnRole("admin"))
                .trust(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":root'},'Action':'sts:AssumeRole'}"))
                .expect(IMPLICIT_DENY, IDENTITY),
            // BOUNDARIES: effective permissions are the intersection of identity policies and the boundary
            c("boundary and identity both allow").cite(BOUNDARIES)
                .identity(policy(allow("s3:*", "*"))).boundary(policy(allow("s3:GetObject", "*"))).expect(ALLOW, IDENTITY),
            c("identity allows, boundary silent: implicit deny by the boundary").cite(BOUNDARIES)
                .identity(policy(allow("s3:*", "*"))).boundary(policy(allow("ec2:*", "*")))
                .expect(IMPLICIT_DENY, PERMISSIONS_BOUNDARY),
            c("boundary allows but grants nothing by itself").cite(BOUNDARIES + " (a boundary does not grant)")
                .boundary(policy(allow("s3:*", "*"))).expect(IMPLICIT_DENY, IDENTITY),
            c("Deny in the boundary is an explicit deny").cite(EVAL + " › Deny evaluation")
                .identity(policy(allow("s3:*", "*"))).boundary(policy(allow("*", "*"), deny("s3:GetObject", "*")))
                .expect(EXPLICIT_DENY, PERMISSIONS_BOUNDARY),
            // SESSION: session permissions are the intersection of identity policy and session policy
            c("session policy and role policy both allow").cite(SESSION).session("app-role", "s1")
                .identity(policy(allow("s3:*", "*"))).sessionPolicy(policy(allow("s3:GetObject", "*"))).expect(ALLOW, IDENTITY),
            c("role policy allows, session policy silent").cite(SESSION).session("app-role", "s1")
                .identity(policy(allow("s3:*", "*"))).sessionPolicy(policy(allow("s3:PutObject", "*")))
                .expect(IMPLICIT_DENY, SESSION_POLICY),
            c("session policy cannot grant more than the role").cite(SESSION + " (cannot grant more permissions)")
                .session("app-role", "s1").sessionPolicy(policy(allow("s3:*", "*"))).expect(IMPLICIT_DENY, IDENTITY),
            c("Deny in a session policy is an explicit deny").cite(EVAL + " › Deny evaluation").session("app-role", "s1")
                .identity(allowAll()).sessionPolicy(policy(allow("*", "*"), deny("s3:*", "*")))
                .expect(EXPLICIT_DENY, SESSION_POLICY),
            c("an allow in any one of several identity policies is enough").cite(SINGLE + " › at least one Allow")
                .identity(policy(allow("ec2:*", "*"))).identity(policy(allow("s3:GetObject", "*"))).expect(ALLOW, IDENTITY)
        );
    }

    static List<Golden> organizations() {
        PolicyDocument full = policy(allow("*", "*"));
        return List.of(
            // SCPS › "SCP evaluation": the action must be allowed at every level from root to the account
            c("SCP FullAWSAccess at every level lets identity policies decide").cite(SCPS + " › SCP evaluation")
                .identity(allowAll()).scp("Root", full).scp("ou-prod", full).scp("account", full).expect(ALLOW, IDENTITY),
            c("SCP silent at an intermediate OU is an implicit deny").cite(SCPS + " › SCP evaluation (every level must allow)")
                .identity(allowAll()).scp("Root", full).scp("ou-prod", policy(allow("ec2:*", "*"))).scp("account", full)
                .expect(IMPLICIT_DENY, SCP),
            c("SCP silent at the account level is an implicit deny").cite(SCPS + " › SCP evaluation")
                .identity(allowAll()).scp("Root", full).scp("ou-prod", full).scp("account", policy(allow("ec2:*", "*")))
                .expect(IMPLICIT_DENY, SCP),
            c("SCP Deny at an OU is an explicit deny").cite(EVAL + " › Organizations SCPs")
                .identity(allowAll()).scp("Root", full).scp("ou-prod", policy(allow("*", "*"), deny("s3:GetObject", "*")))
                .expect(EXPLICIT_DENY, SCP),
            c("SCPs do not grant: SCP allows, identity silent").cite(SCPS + " › SCPs do not grant permissions")
                .scp("Root", full).expect(IMPLICIT_DENY, IDENTITY),
            c("SCPs restrict the member account's root user").cite(SCPS + " › SCP effects on permissions (root user)")
                .principal(RequestPrincipal.root(ACCT)).scp("Root", policy(allow("ec2:*", "*"))).expect(IMPLICIT_DENY, SCP),
            c("SCPs do not affect the management account").cite(SCPS + " › Tasks and entities not restricted by SCPs")
                .identity(allowAll()).scp("Root", policy(allow("ec2:*", "*"))).management().expect(ALLOW, IDENTITY),
            c("SCPs do not affect service-linked roles").cite(SCPS + " › Tasks and entities not restricted by SCPs")
                .principal(RequestPrincipal.assumedRole("arn:aws:iam::" + ACCT + ":role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing", "x"))
                .identity(allowAll()).scp("Root", policy(deny("ec2:*", "*"), allow("ec2:*", "*"))).scp("ou", policy(allow("iam:*", "*")))
                .expect(ALLOW, IDENTITY),
            c("SCPs may use conditions: region-deny applies in another region").cite(SCPS + " examples › Deny access based on the requested region")
                .identity(allowAll()).scp("Root", full)
                .scp("ou-eu", policy(allow("*", "*"), "{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'StringNotEquals':{'aws:RequestedRegion':['eu-west-1']}}}"))
                .ctx("aws:RequestedRegion", "us-east-1").expect(EXPLICIT_DENY, SCP),
            c("region-deny SCP lets the allowed region through").cite(SCPS + " examples › Deny access based on the requested region")
                .identity(allowAll()).scp("Root", full)
                .scp("ou-eu", policy(allow("*", "*"), "{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'StringNotEquals':{'aws:RequestedRegion':['eu-west-1']}}}"))
                .ctx("aws:RequestedRegion", "eu-west-1").expect(ALLOW, IDENTITY),
            // RCPS: "If the enforcement code does not find any applicable Allow statements in the RCPs ... Deny"
            c("RCP silent for an S3 request is an implicit deny").cite(EVAL + " › Organizations RCPs")
                .identity(allowAll()).rcp("Root", policy("{'Effect':'Allow','Principal':'*','Action':'sqs:*','Resource':'*'}"))
                .expect(IMPLICIT_DENY, RCP),
            c("RCP Deny for an S3 request is an explicit deny").cite(EVAL + " › Deny evaluation")
                .identity(allowAll()).rcp("Root", policy("{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}",
                        "{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'*','Condition':{'StringNotEqualsIfExists':{'aws:PrincipalOrgID':'o-abc'}}}"))
                .expect(EXPLICIT_DENY, RCP),
            c("RCPs do not apply to services that do not support them").cite(RCPS + " › List of AWS services that support RCPs")
                .identity(allowAll()).action("ec2:RunInstances").resource("*")
                .rcp("Root", policy("{'Effect':'Allow','Principal':'*','Action':'s3:*','Resource':'*'}")).expect(ALLOW, IDENTITY),
            c("RCPs do not apply to resources in the management account").cite(RCPS + " › Tasks and entities not restricted by RCPs")
                .identity(allowAll()).rcp("Root", policy("{'Effect':'Allow','Principal':'*','Action':'sqs:*','Resource':'*'}"))
                .resourceInManagement().expect(ALLOW, IDENTITY)
        );
    }

    static List<Golden> resourcePolicies() {
        String bucketObj = "arn:aws:s3:::bucket/*";
        return List.of(
            // SINGLE › "If either the identity-based policy or the resource-based policy within the same account allows the request ... allowed"
            c("same account: bucket policy naming the user grants without identity policy").cite(SINGLE + " › Example identity-based and resource-based policy evaluation")
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'" + arnUser("alice") + "'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(ALLOW, RESOURCE_POLICY),
            // BOUNDARIES › "Resource-based policies for IAM users": implicit deny in a boundary does not limit a resource-based grant to the user
            c("same account: bucket policy naming the user is not limited by the user's boundary").cite(BOUNDARIES + " › resource-based policies for IAM users")
                .boundary(policy(allow("ec2:*", "*")))
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'" + arnUser("alice") + "'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(ALLOW, RESOURCE_POLICY),
            // EVAL › Resource-based policies: a grant to the role ARN, no boundary, no session policy
            c("same account: bucket policy naming the role grants its sessions").cite(EVAL + " › Resource-based policies")
                .session("app-role", "s1")
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'" + arnRole("app-role") + "'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(ALLOW, RESOURCE_POLICY),
            // BOUNDARIES › "Resource-based policies for IAM roles": an implicit deny in the boundary limits grants to the role ARN
            c("same account: grant to the role ARN is limited by the role's boundary").cite(BOUNDARIES + " › resource-based policies for IAM roles and federated users")
                .session("app-role", "s1").boundary(policy(allow("ec2:*", "*")))
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'" + arnRole("app-role") + "'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(IMPLICIT_DENY, IDENTITY),
            // BOUNDARIES: "if a resource-based policy grants permissions directly to the session principal, an implicit deny in the boundary does not limit"
            c("same account: grant to the session ARN is not limited by the boundary").cite(BOUNDARIES + " › resource-based policies for IAM roles and federated users")
                .session("app-role", "s1").boundary(policy(allow("ec2:*", "*")))
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:sts::" + ACCT + ":assumed-role/app-role/s1'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(ALLOW, RESOURCE_POLICY),
            // SESSION: resource policy naming the role ARN: the session policy limits the total
            c("same account: grant to the role ARN is limited by the session policy").cite(SESSION + " (resource-based policy specifies the role ARN)")
                .session("app-role", "s1").sessionPolicy(policy(allow("ec2:*", "*")))
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'" + arnRole("app-role") + "'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(IMPLICIT_DENY, IDENTITY),
            // SESSION: resource policy naming the session ARN: permissions are added after the session policy
            c("same account: grant to the session ARN is not limited by the session policy").cite(SESSION + " (resource-based policy specifies the session ARN)")
                .session("app-role", "s1").sessionPolicy(policy(allow("ec2:*", "*")))
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:sts::" + ACCT + ":assumed-role/app-role/s1'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(ALLOW, RESOURCE_POLICY),
            // PRINCIPAL › AWS account principals: the account delegates to IAM policies
            c("same account: bucket policy naming the account needs an identity Allow").cite(PRINCIPAL + " › AWS account principals")
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":root'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(IMPLICIT_DENY, IDENTITY),
            c("same account: bucket policy naming the account plus identity Allow").cite(PRINCIPAL + " › AWS account principals")
                .identity(policy(allow("s3:GetObject", bucketObj)))
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'" + ACCT + "'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(ALLOW, IDENTITY),
            c("bucket policy Deny overrides the identity Allow").cite(EVAL + " › Deny evaluation")
                .identity(allowAll())
                .resourcePolicy(policy("{'Effect':'Deny','Principal':{'AWS':'" + arnUser("alice") + "'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(EXPLICIT_DENY, RESOURCE_POLICY),
            c("bucket policy Deny for another principal does not apply").cite(PRINCIPAL + " › Principal names whom a statement applies to")
                .identity(allowAll())
                .resourcePolicy(policy("{'Effect':'Deny','Principal':{'AWS':'" + arnUser("bob") + "'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(ALLOW, IDENTITY),
            // CROSS › both the identity policy and the resource-based policy must allow
            c("cross-account: identity Allow without a resource policy is denied").cite(CROSS)
                .principal(RequestPrincipal.user("arn:aws:iam::" + OTHER + ":user/carol")).identity(allowAll())
                .expect(IMPLICIT_DENY, RESOURCE_POLICY),
            c("cross-account: bucket policy Allow without identity Allow is denied").cite(CROSS)
                .principal(RequestPrincipal.user("arn:aws:iam::" + OTHER + ":user/carol"))
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + OTHER + ":user/carol'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(IMPLICIT_DENY, IDENTITY),
            c("cross-account: both sides allow").cite(CROSS)
                .principal(RequestPrincipal.user("arn:aws:iam::" + OTHER + ":user/carol")).identity(policy(allow("s3:GetObject", bucketObj)))
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + OTHER + ":user/carol'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(ALLOW, RESOURCE_POLICY),
            c("cross-account: bucket policy naming the other account, identity allows").cite(CROSS + " (specify the entire account)")
                .principal(RequestPrincipal.assumedRole("arn:aws:iam::" + OTHER + ":role/reader", "r")).identity(allowAll())
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + OTHER + ":root'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(ALLOW, RESOURCE_POLICY),
            c("cross-account: both allow but the boundary is silent").cite(CROSS + "; " + BOUNDARIES)
                .principal(RequestPrincipal.user("arn:aws:iam::" + OTHER + ":user/carol")).identity(allowAll())
                .boundary(policy(allow("ec2:*", "*")))
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + OTHER + ":user/carol'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(IMPLICIT_DENY, PERMISSIONS_BOUNDARY),
            c("cross-account: resource account taken from the ARN").cite(CROSS)
                .principal(RequestPrincipal.user("arn:aws:iam::" + OTHER + ":user/carol")).identity(allowAll())
                .action("sqs:SendMessage").resource("arn:aws:sqs:us-east-1:" + ACCT + ":jobs").resourceAccount("")
                .expect(IMPLICIT_DENY, RESOURCE_POLICY),
            // EVAL › anonymous requests: only resource-based policies can allow
            c("anonymous caller allowed by a public bucket policy").cite(PRINCIPAL + " › All principals")
                .principal(RequestPrincipal.anonymous())
                .resourcePolicy(policy("{'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(ALLOW, RESOURCE_POLICY),
            c("anonymous caller without a resource policy is denied").cite(EVAL + " › summary")
                .principal(RequestPrincipal.anonymous()).expect(IMPLICIT_DENY, RESOURCE_POLICY),
            c("anonymous caller is not an account principal").cite(PRINCIPAL + " › AWS account principals")
                .principal(RequestPrincipal.anonymous())
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":root'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(IMPLICIT_DENY, RESOURCE_POLICY),
            c("resource policy statement without Principal grants nobody").cite(PRINCIPAL + " (required in resource-based policies)")
                .resourcePolicy(policy(allow("s3:GetObject", bucketObj))).expect(IMPLICIT_DENY, IDENTITY)
        );
    }

    static List<Golden> trustAndKeyPolicies() {
        String accountTrust = "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":root'},'Action':'sts:AssumeRole'}";
        String oidc = "arn:aws:iam::" + ACCT + ":oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
        String irsaTrust = "{'Effect':'Allow','Principal':{'Federated':'" + oidc + "'},'Action':'sts:AssumeRoleWithWebIdentity',"
                + "'Condition':{'StringEquals':{'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub':'system:serviceaccount:default:my-app-sa',"
                + "'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud':'sts.amazonaws.com'}}}";
        String keyArn = "arn:aws:kms:us-east-1:" + ACCT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
        return List.of(
            // EVAL › Resource-based policies: "IAM role trust policies and KMS key policies are exceptions ... must explicitly allow"
            c("trust policy naming the account plus identity Allow lets a user assume").cite(EVAL + " › Resource-based policies")
                .action("sts:AssumeRole").resource(arnRole("admin")).identity(policy(allow("sts:AssumeRole", arnRole("admin"))))
                .trust(policy(accountTrust)).expect(ALLOW, IDENTITY),
            c("trust policy naming the account without identity Allow is denied").cite(PRINCIPAL + " › AWS account principals")
                .action("sts:AssumeRole").resource(arnRole("admin")).trust(policy(accountTrust)).expect(IMPLICIT_DENY, IDENTITY),
            c("identity Allow is not enough when the trust policy names someone else").cite(EVAL + " › Resource-based policies (trust policies must allow)")
                .action("sts:AssumeRole").resource(arnRole("admin")).identity(allowAll())
                .trust(policy("{'Effect':'Allow','Principal':{'AWS':'" + arnRole("ci") + "'},'Action':'sts:AssumeRole'}"))
                .expect(IMPLICIT_DENY, RESOURCE_POLICY),
            c("trust policy naming the user directly needs no identity Allow in the same account").cite(EVAL + " › Resource-based policies")
                .action("sts:AssumeRole").resource(arnRole("admin"))
                .trust(policy("{'Effect':'Allow','Principal':{'AWS':'" + arnUser("alice") + "'},'Action':'sts:AssumeRole'}"))
                .expect(ALLOW, RESOURCE_POLICY),
            c("cross-account role: trust with the right ExternalId").cite(SEED + " › Cross-Account Role Setup; " + CROSS)
                .principal(RequestPrincipal.assumedRole("arn:aws:iam::" + OTHER + ":role/ci-pipeline", "build"))
                .action("sts:AssumeRole").resource(arnRole("cross-account-deploy")).ctx("sts:ExternalId", "prod-deploy-2024")
                .identity(policy(allow("sts:AssumeRole", arnRole("cross-account-deploy"))))
                .trust(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + OTHER + ":role/ci-pipeline'},'Action':'sts:AssumeRole','Condition':{'StringEquals':{'sts:ExternalId':'prod-deploy-2024'}}}"))
                .expect(ALLOW, RESOURCE_POLICY),
            c("cross-account role: trust without ExternalId").cite(SEED + " › Cross-Account Role Setup; " + OPS + " › missing key")
                .principal(RequestPrincipal.assumedRole("arn:aws:iam::" + OTHER + ":role/ci-pipeline", "build"))
                .action("sts:AssumeRole").resource(arnRole("cross-account-deploy"))
                .identity(policy(allow("sts:AssumeRole", arnRole("cross-account-deploy"))))
                .trust(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + OTHER + ":role/ci-pipeline'},'Action':'sts:AssumeRole','Condition':{'StringEquals':{'sts:ExternalId':'prod-deploy-2024'}}}"))
                .expect(IMPLICIT_DENY, RESOURCE_POLICY),
            c("cross-account role: trust allows but the caller's own policy does not").cite(CROSS)
                .principal(RequestPrincipal.assumedRole("arn:aws:iam::" + OTHER + ":role/ci-pipeline", "build"))
                .action("sts:AssumeRole").resource(arnRole("cross-account-deploy")).ctx("sts:ExternalId", "prod-deploy-2024")
                .trust(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + OTHER + ":role/ci-pipeline'},'Action':'sts:AssumeRole','Condition':{'StringEquals':{'sts:ExternalId':'prod-deploy-2024'}}}"))
                .expect(IMPLICIT_DENY, IDENTITY),
            c("break-glass trust: MFA present and fresh").cite(SEED + " › Emergency Break-Glass IAM Role; " + GLOBAL + " › aws:MultiFactorAuthAge")
                .action("sts:AssumeRole").resource(arnRole("break-glass-admin")).identity(policy(allow("sts:AssumeRole", "*")))
                .ctx("aws:MultiFactorAuthPresent", "true").ctx("aws:MultiFactorAuthAge", "300")
                .trust(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":root'},'Action':'sts:AssumeRole','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'},'NumericLessThan':{'aws:MultiFactorAuthAge':'3600'}}}"))
                .expect(ALLOW, IDENTITY),
            c("break-glass trust: long-term keys have no MFA key").cite(GLOBAL + " › aws:MultiFactorAuthPresent (absent for long-term credentials)")
                .action("sts:AssumeRole").resource(arnRole("break-glass-admin")).identity(policy(allow("sts:AssumeRole", "*")))
                .trust(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":root'},'Action':'sts:AssumeRole','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'},'NumericLessThan':{'aws:MultiFactorAuthAge':'3600'}}}"))
                .expect(IMPLICIT_DENY, RESOURCE_POLICY),
            c("break-glass trust: MFA too old").cite(SEED + " › Emergency Break-Glass IAM Role")
                .action("sts:AssumeRole").resource(arnRole("break-glass-admin")).identity(policy(allow("sts:AssumeRole", "*")))
                .ctx("aws:MultiFactorAuthPresent", "true").ctx("aws:MultiFactorAuthAge", "7200")
                .trust(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":root'},'Action':'sts:AssumeRole','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'},'NumericLessThan':{'aws:MultiFactorAuthAge':'3600'}}}"))
                .expect(IMPLICIT_DENY, RESOURCE_POLICY),
            // Amazon EKS User Guide › IAM roles for service accounts › trust policy with sub and aud conditions
            c("IRSA: web identity with the right service account").cite("Amazon EKS User Guide › Assign IAM roles to Kubernetes service accounts")
                .principal(RequestPrincipal.webIdentity(oidc)).action("sts:AssumeRoleWithWebIdentity").resource(arnRole("my-app-role"))
                .ctx("oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub", "system:serviceaccount:default:my-app-sa")
                .ctx("oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud", "sts.amazonaws.com")
                .trust(policy(irsaTrust)).expect(ALLOW, RESOURCE_POLICY),
            c("IRSA: web identity with another namespace").cite("Amazon EKS User Guide › Assign IAM roles to Kubernetes service accounts")
                .principal(RequestPrincipal.webIdentity(oidc)).action("sts:AssumeRoleWithWebIdentity").resource(arnRole("my-app-role"))
                .ctx("oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub", "system:serviceaccount:prod:my-app-sa")
                .ctx("oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud", "sts.amazonaws.com")
                .trust(policy(irsaTrust)).expect(IMPLICIT_DENY, RESOURCE_POLICY),
            c("IRSA: web identity from another provider").cite(PRINCIPAL + " › Federated principals")
                .principal(RequestPrincipal.webIdentity("accounts.google.com")).action("sts:AssumeRoleWithWebIdentity").resource(arnRole("my-app-role"))
                .trust(policy(irsaTrust)).expect(IMPLICIT_DENY, RESOURCE_POLICY),
            c("service principal allowed by the trust policy").cite(PRINCIPAL + " › AWS service principals")
                .principal(RequestPrincipal.service("lambda.amazonaws.com")).action("sts:AssumeRole").resource(arnRole("fn-role"))
                .trust(policy("{'Effect':'Allow','Principal':{'Service':'lambda.amazonaws.com'},'Action':'sts:AssumeRole'}"))
                .expect(ALLOW, RESOURCE_POLICY),
            c("another service is not allowed by the trust policy").cite(PRINCIPAL + " › AWS service principals")
                .principal(RequestPrincipal.service("ec2.amazonaws.com")).action("sts:AssumeRole").resource(arnRole("fn-role"))
                .trust(policy("{'Effect':'Allow','Principal':{'Service':['lambda.amazonaws.com']},'Action':'sts:AssumeRole'}"))
                .expect(IMPLICIT_DENY, RESOURCE_POLICY),
            c("SAML caller allowed by the trust policy").cite(PRINCIPAL + " › Federated principals (SAML)")
                .principal(RequestPrincipal.saml("arn:aws:iam::" + ACCT + ":saml-provider/Okta")).action("sts:AssumeRoleWithSAML").resource(arnRole("sso"))
                .ctx("SAML:aud", "https://signin.aws.amazon.com/saml")
                .trust(policy("{'Effect':'Allow','Principal':{'Federated':'arn:aws:iam::" + ACCT + ":saml-provider/Okta'},'Action':'sts:AssumeRoleWithSAML','Condition':{'StringEquals':{'SAML:aud':'https://signin.aws.amazon.com/saml'}}}"))
                .expect(ALLOW, RESOURCE_POLICY),
            // KMS › Default key policy: the account principal lets IAM policies grant access
            c("KMS key policy naming the account plus identity Allow").cite(KMS + " › Default key policy")
                .action("kms:Decrypt").resource(keyArn).identity(policy(allow("kms:Decrypt", keyArn)))
                .keyPolicy(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":root'},'Action':'kms:*','Resource':'*'}"))
                .expect(ALLOW, IDENTITY),
            c("KMS: identity Allow is not enough when the key policy does not allow").cite(KMS + " (no IAM policy grants access without the key policy)")
                .action("kms:Decrypt").resource(keyArn).identity(allowAll())
                .keyPolicy(policy("{'Effect':'Allow','Principal':{'AWS':'" + arnRole("key-admin") + "'},'Action':'kms:*','Resource':'*'}"))
                .expect(IMPLICIT_DENY, RESOURCE_POLICY),
            c("KMS key policy naming the role directly needs no identity Allow").cite(KMS + " › Allows key users to use the KMS key")
                .session("app-role", "s1").action("kms:Decrypt").resource(keyArn)
                .keyPolicy(policy("{'Effect':'Allow','Principal':{'AWS':'" + arnRole("app-role") + "'},'Action':'kms:Decrypt','Resource':'*'}"))
                .expect(ALLOW, RESOURCE_POLICY),
            c("KMS: the root user still needs the key policy").cite(KMS + " › Default key policy")
                .principal(RequestPrincipal.root(ACCT)).action("kms:Decrypt").resource(keyArn)
                .keyPolicy(policy("{'Effect':'Allow','Principal':{'AWS':'" + arnRole("key-admin") + "'},'Action':'kms:*','Resource':'*'}"))
                .expect(IMPLICIT_DENY, RESOURCE_POLICY)
        );
    }

    static List<Golden> principals() {
        String bucketObj = "arn:aws:s3:::bucket/*";
        String session = "arn:aws:sts::" + ACCT + ":assumed-role/app-role/s1";
        return List.of(
            c("role ARN in Principal takes in every session of the role").cite(PRINCIPAL + " › IAM role principals")
                .session("app-role", "any-session-name")
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'" + arnRole("app-role") + "'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(ALLOW, RESOURCE_POLICY),
            c("session ARN in Principal takes in only that session").cite(PRINCIPAL + " › Role session principals")
                .session("app-role", "s2")
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'" + session + "'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(IMPLICIT_DENY, IDENTITY),
            c("no partial wildcard in Principal").cite(PRINCIPAL + " › You cannot use a wildcard to match part of a principal name or ARN")
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCT + ":user/*'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(IMPLICIT_DENY, IDENTITY),
            c("Principal AWS * is everyone").cite(PRINCIPAL + " › All principals")
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'*'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(ALLOW, RESOURCE_POLICY),
            c("NotPrincipal Deny spares the listed user and account").cite(NOT_PRINCIPAL)
                .identity(allowAll())
                .resourcePolicy(policy("{'Effect':'Deny','NotPrincipal':{'AWS':['" + arnUser("alice") + "','arn:aws:iam::" + ACCT + ":root']},'Action':'s3:*','Resource':'" + bucketObj + "'}"))
                .expect(ALLOW, IDENTITY),
            c("NotPrincipal Deny denies everyone else").cite(NOT_PRINCIPAL)
                .user("bob").identity(allowAll())
                .resourcePolicy(policy("{'Effect':'Deny','NotPrincipal':{'AWS':['" + arnUser("alice") + "','arn:aws:iam::" + ACCT + ":root']},'Action':'s3:*','Resource':'" + bucketObj + "'}"))
                .expect(EXPLICIT_DENY, RESOURCE_POLICY),
            c("NotPrincipal without the account ARN denies the listed user too").cite(NOT_PRINCIPAL + " (you must also specify the account ARN)")
                .identity(allowAll())
                .resourcePolicy(policy("{'Effect':'Deny','NotPrincipal':{'AWS':'" + arnUser("alice") + "'},'Action':'s3:*','Resource':'" + bucketObj + "'}"))
                .expect(EXPLICIT_DENY, RESOURCE_POLICY),
            c("NotPrincipal Deny always denies a principal with a permissions boundary").cite(NOT_PRINCIPAL + "; Permissions boundaries for IAM entities › Important")
                .identity(allowAll()).boundary(allowAll())
                .resourcePolicy(policy("{'Effect':'Deny','NotPrincipal':{'AWS':['" + arnUser("alice") + "','arn:aws:iam::" + ACCT + ":root']},'Action':'s3:*','Resource':'" + bucketObj + "'}"))
                .expect(EXPLICIT_DENY, RESOURCE_POLICY),
            c("NotPrincipal spares a role session only when account, role and session are listed").cite(NOT_PRINCIPAL + " (AWS verifies the account, then the role, then the session)")
                .session("app-role", "s1").identity(allowAll())
                .resourcePolicy(policy("{'Effect':'Deny','NotPrincipal':{'AWS':['" + session + "','" + arnRole("app-role") + "','arn:aws:iam::" + ACCT + ":root']},'Action':'s3:*','Resource':'" + bucketObj + "'}"))
                .expect(ALLOW, IDENTITY),
            c("NotPrincipal listing only role and account denies its sessions").cite(NOT_PRINCIPAL)
                .session("app-role", "s1").identity(allowAll())
                .resourcePolicy(policy("{'Effect':'Deny','NotPrincipal':{'AWS':['" + arnRole("app-role") + "','arn:aws:iam::" + ACCT + ":root']},'Action':'s3:*','Resource':'" + bucketObj + "'}"))
                .expect(EXPLICIT_DENY, RESOURCE_POLICY),
            c("ArnNotEquals on aws:PrincipalArn, the recommended alternative to NotPrincipal").cite("AWS JSON policy elements: NotPrincipal › Alternatives to NotPrincipal")
                .session("app-role", "s1").identity(allowAll())
                .resourcePolicy(policy("{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'" + bucketObj + "','Condition':{'ArnNotEquals':{'aws:PrincipalArn':'" + arnRole("app-role") + "'}}}"))
                .expect(ALLOW, IDENTITY),
            c("principal from an ARN string: assumed-role session").cite(PRINCIPAL + " › Role session principals")
                .principal(RequestPrincipal.fromArn(session)).identity(policy("{'Effect':'Allow','Action':'s3:GetObject','Resource':'*','Condition':{'ArnEquals':{'aws:PrincipalArn':'" + arnRole("app-role") + "'}}}"))
                .expect(ALLOW, IDENTITY),
            c("federated user named by its ARN in a bucket policy").cite(PRINCIPAL + " › AWS STS federated user principals")
                .principal(RequestPrincipal.federatedUser(ACCT, "fed-bob"))
                .resourcePolicy(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:sts::" + ACCT + ":federated-user/fed-bob'},'Action':'s3:GetObject','Resource':'" + bucketObj + "'}"))
                .expect(ALLOW, RESOURCE_POLICY)
        );
    }

    static List<Golden> actions() {
        return List.of(
            c("action names are case-insensitive").cite(ACTION + " (action names are not case-sensitive)")
                .identity(policy(allow("S3:getobject", "*"))).expect(ALLOW, IDENTITY),
            c("action wildcard * after a prefix").cite(ACTION + " › wildcards").action("s3:GetObjectAcl")
                .identity(policy(allow("s3:Get*", "*"))).expect(ALLOW, IDENTITY),
            c("action wildcard inside the name").cite(ACTION + " › wildcards").action("s3:PutObject")
                .identity(policy(allow("s3:*Object", "*"))).expect(ALLOW, IDENTITY),
            c("action wildcard ? matches one character").cite(ACTION + " › wildcards").action("iam:GetUser")
                .identity(policy(allow("iam:?etUser", "*"))).resource("*").expect(ALLOW, IDENTITY),
            c("action of another service does not match").cite(ACTION)
                .identity(policy(allow("iam:*", "*"))).expect(IMPLICIT_DENY, IDENTITY),
            c("Action * matches every action").cite(ACTION).action("dynamodb:DeleteTable").resource("*")
                .identity(allowAll()).expect(ALLOW, IDENTITY),
            // NOT_ACTION › "NotAction with Allow": allows everything except the listed actions
            c("NotAction with Allow allows unlisted actions").cite(NOT_ACTION + " › Using NotAction with Allow")
                .identity(policy("{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}")).expect(ALLOW, IDENTITY),
            c("NotAction with Allow does not allow the listed actions").cite(NOT_ACTION + " › Using NotAction with Allow")
                .action("iam:CreateUser").resource("*")
                .identity(policy("{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}")).expect(IMPLICIT_DENY, IDENTITY),
            c("NotAction with Deny denies every unlisted action").cite(NOT_ACTION + " › Using NotAction with Deny")
                .identity(policy(allow("*", "*"), "{'Effect':'Deny','NotAction':'iam:*','Resource':'*','Condition':{'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}}}"))
                .expect(EXPLICIT_DENY, IDENTITY),
            c("NotAction with Deny leaves the listed actions alone").cite(NOT_ACTION + " › Using NotAction with Deny")
                .action("iam:ListUsers").resource("*")
                .identity(policy(allow("*", "*"), "{'Effect':'Deny','NotAction':'iam:*','Resource':'*','Condition':{'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}}}"))
                .expect(ALLOW, IDENTITY)
        );
    }

    static List<Golden> resources() {
        return List.of(
            c("exact object ARN matches").cite(RESOURCE).identity(policy(allow("s3:GetObject", "arn:aws:s3:::bucket/key")))
                .expect(ALLOW, IDENTITY),
            // S3 › ListBucket is a bucket action, GetObject an object action (seed: "Common S3 policy mistake")
            c("s3:ListBucket needs the bucket ARN, not bucket/*").cite(S3 + "; " + SEED + " › S3 Bucket Policy Debugging")
                .action("s3:ListBucket").resource("arn:aws:s3:::my-bucket")
                .identity(policy(allow("s3:ListBucket", "arn:aws:s3:::my-bucket/*"))).expect(IMPLICIT_DENY, IDENTITY),
            c("s3:ListBucket on the bucket ARN").cite(S3 + "; " + SEED + " › S3 Bucket Policy Debugging")
                .action("s3:ListBucket").resource("arn:aws:s3:::my-bucket")
                .identity(policy(allow("s3:ListBucket", "arn:aws:s3:::my-bucket"))).expect(ALLOW, IDENTITY),
            c("s3:GetObject needs bucket/*, not the bucket ARN").cite(S3 + "; " + SEED + " › S3 Bucket Policy Debugging")
                .resource("arn:aws:s3:::my-bucket/data/file.json")
                .identity(policy(allow("s3:GetObject", "arn:aws:s3:::my-bucket"))).expect(IMPLICIT_DENY, IDENTITY),
            c("s3:GetObject on bucket/*").cite(S3 + "; " + SEED + " › S3 Bucket Policy Debugging")
                .resource("arn:aws:s3:::my-bucket/data/file.json")
                .identity(policy(allow("s3:GetObject", "arn:aws:s3:::my-bucket/*"))).expect(ALLOW, IDENTITY),
            c("resource ARNs are case-sensitive").cite(RESOURCE + " (the IAM user name is case sensitive)")
                .action("iam:GetUser").resource("arn:aws:iam::" + ACCT + ":user/Bob")
                .identity(policy(allow("iam:GetUser", "arn:aws:iam::" + ACCT + ":user/bob"))).expect(IMPLICIT_DENY, IDENTITY),
            c("wildcard within a segment").cite(RESOURCE + " › Using wildcards in resource ARNs")
                .action("ec2:StopInstances").resource("arn:aws:ec2:us-east-1:" + ACCT + ":instance/i-0abc")
                .identity(policy(allow("ec2:*", "arn:aws:ec2:us-*-1:" + ACCT + ":instance/*"))).expect(ALLOW, IDENTITY),
            c("wildcards do not cross segments in the middle of an ARN").cite(RESOURCE + " › Using wildcards in resource ARNs (within the individual segments)")
                .action("ec2:StopInstances").resource("arn:aws:ec2:us-east-1:" + ACCT + ":instance/i-0abc")
                .identity(policy(allow("ec2:*", "arn:aws:ec2*:" + ACCT + ":instance/i-0abc"))).expect(IMPLICIT_DENY, IDENTITY),
            c("a trailing * expands beyond colon boundaries").cite(RESOURCE + " › Using wildcards in resource ARNs (last character of a segment)")
                .action("iam:GetUser").resource("arn:aws:iam::" + ACCT + ":user/division/alice")
                .identity(policy(allow("iam:*", "arn:aws:iam::*"))).expect(ALLOW, IDENTITY),
            c("? matches exactly one character in a resource").cite(RESOURCE + " › Using wildcards in resource ARNs")
                .action("sqs:SendMessage").resource("arn:aws:sqs:us-east-1:" + ACCT + ":queue1")
                .identity(policy(allow("sqs:*", "arn:aws:sqs:us-east-1:" + ACCT + ":queue?"))).expect(ALLOW, IDENTITY),
            c("region mismatch").cite(RESOURCE).action("sqs:SendMessage").resource("arn:aws:sqs:us-west-2:" + ACCT + ":queue1")
                .identity(policy(allow("sqs:*", "arn:aws:sqs:us-east-1:" + ACCT + ":*"))).expect(IMPLICIT_DENY, IDENTITY),
            c("colons inside the resource part are ordinary characters").cite(RESOURCE + " › Using wildcards in resource ARNs")
                .action("logs:PutLogEvents").resource("arn:aws:logs:us-east-1:" + ACCT + ":log-group:app:log-stream:web-1")
                .identity(policy(allow("logs:*", "arn:aws:logs:us-east-1:" + ACCT + ":log-group:app:*"))).expect(ALLOW, IDENTITY),
            c("Resource * matches everything").cite(RESOURCE).action("s3:ListAllMyBuckets").resource("*")
                .identity(allowAll()).expect(ALLOW, IDENTITY),
            c("a specific Resource does not match the request resource *").cite(RESOURCE)
                .action("s3:ListAllMyBuckets").resource("*")
                .identity(policy(allow("s3:*", "arn:aws:s3:::bucket"))).expect(IMPLICIT_DENY, IDENTITY),
            // NOT_RESOURCE
            c("NotResource with Allow allows other resources").cite(NOT_RESOURCE)
                .identity(policy("{'Effect':'Allow','Action':'s3:*','NotResource':'arn:aws:s3:::secret/*'}")).expect(ALLOW, IDENTITY),
            c("NotResource with Allow does not allow the listed resources").cite(NOT_RESOURCE)
                .resource("arn:aws:s3:::secret/k")
                .identity(policy("{'Effect':'Allow','Action':'s3:*','NotResource':'arn:aws:s3:::secret/*'}")).expect(IMPLICIT_DENY, IDENTITY),
            c("Deny with NotResource denies everything outside the list").cite(NOT_RESOURCE + " (Deny with NotResource)")
                .identity(policy(allow("s3:*", "*"), "{'Effect':'Deny','Action':'s3:*','NotResource':['arn:aws:s3:::allowed','arn:aws:s3:::allowed/*']}"))
                .expect(EXPLICIT_DENY, IDENTITY),
            c("Deny with NotResource spares the listed resources").cite(NOT_RESOURCE + " (Deny with NotResource)")
                .resource("arn:aws:s3:::allowed/x")
                .identity(policy(allow("s3:*", "*"), "{'Effect':'Deny','Action':'s3:*','NotResource':['arn:aws:s3:::allowed','arn:aws:s3:::allowed/*']}"))
                .expect(ALLOW, IDENTITY)
        );
    }

    static List<Golden> seedRunbook() {
        PolicyDocument mfa = policy(
                "{'Sid':'AllowReadWithoutMFA','Effect':'Allow','Action':['s3:GetObject','s3:ListBucket','ec2:Describe*'],'Resource':'*'}",
                "{'Sid':'AllowWriteOnlyWithMFA','Effect':'Allow','Action':['s3:PutObject','s3:DeleteObject','ec2:RunInstances','ec2:TerminateInstances'],'Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}}");
        PolicyDocument devBoundary = policy(
                "{'Sid':'AllowedServices','Effect':'Allow','Action':['s3:*','dynamodb:*','lambda:*','sqs:*','sns:*','logs:*','cloudwatch:*','xray:*'],'Resource':'*'}",
                "{'Sid':'DenyProductionResources','Effect':'Deny','Action':'*','Resource':'*','Condition':{'StringEquals':{'aws:ResourceTag/Environment':'production'}}}",
                "{'Sid':'DenyDangerousActions','Effect':'Deny','Action':['iam:CreateUser','iam:DeleteRole','iam:DeletePolicy','organizations:*','account:*'],'Resource':'*'}");
        PolicyDocument devPolicy = policy(
                "{'Sid':'AllowCreateRoleWithBoundary','Effect':'Allow','Action':['iam:CreateRole','iam:AttachRolePolicy','iam:PutRolePolicy'],'Resource':'arn:aws:iam::123456789012:role/dev-*','Condition':{'StringEquals':{'iam:PermissionsBoundary':'arn:aws:iam::123456789012:policy/dev-sandbox-boundary'}}}",
                "{'Sid':'AllowPassRoleForLambda','Effect':'Allow','Action':'iam:PassRole','Resource':'arn:aws:iam::123456789012:role/dev-*','Condition':{'StringEquals':{'iam:PassedToService':'lambda.amazonaws.com'}}}");
        String dev = "arn:aws:iam::123456789012:user/dev";
        return List.of(
            c("MFA policy: reads need no MFA").cite(SEED + " › Conditional MFA Policies")
                .identity("mfa-policy", mfa).expect(ALLOW, IDENTITY),
            c("MFA policy: write without MFA is implicitly denied").cite(SEED + " › Conditional MFA Policies; " + OPS + " › missing key")
                .identity("mfa-policy", mfa).action("s3:PutObject").expect(IMPLICIT_DENY, IDENTITY),
            c("MFA policy: write with MFA").cite(SEED + " › Conditional MFA Policies")
                .identity("mfa-policy", mfa).action("s3:PutObject").ctx("aws:MultiFactorAuthPresent", "true").expect(ALLOW, IDENTITY),
            c("MFA policy: ec2:Describe* wildcard").cite(SEED + " › Conditional MFA Policies")
                .identity("mfa-policy", mfa).action("ec2:DescribeInstances").resource("*").expect(ALLOW, IDENTITY),
            c("dev boundary: admin identity within the boundary").cite(SEED + " › Permission Boundaries for Developer Sandboxes")
                .session("dev-fn", "x").identity(allowAll()).boundary(devBoundary).action("s3:PutObject").expect(ALLOW, IDENTITY),
            c("dev boundary: dangerous action explicitly denied").cite(SEED + " › Permission Boundaries for Developer Sandboxes")
                .session("dev-fn", "x").identity(allowAll()).boundary(devBoundary).action("iam:CreateUser").resource("*")
                .expect(EXPLICIT_DENY, PERMISSIONS_BOUNDARY),
            c("dev boundary: production-tagged resource explicitly denied").cite(SEED + " › Permission Boundaries for Developer Sandboxes")
                .session("dev-fn", "x").identity(allowAll()).boundary(devBoundary).resourceTag("Environment", "production")
                .expect(EXPLICIT_DENY, PERMISSIONS_BOUNDARY),
            c("dev boundary: service outside the boundary").cite(SEED + " › Permission Boundaries for Developer Sandboxes")
                .session("dev-fn", "x").identity(allowAll()).boundary(devBoundary).action("ec2:RunInstances").resource("*")
                .expect(IMPLICIT_DENY, PERMISSIONS_BOUNDARY),
            c("dev policy: create a dev role with the boundary").cite(SEED + " › Permission Boundaries for Developer Sandboxes")
                .principal(RequestPrincipal.user(dev)).resourceAccount("123456789012").identity(devPolicy)
                .action("iam:CreateRole").resource("arn:aws:iam::123456789012:role/dev-fn")
                .ctx("iam:PermissionsBoundary", "arn:aws:iam::123456789012:policy/dev-sandbox-boundary").expect(ALLOW, IDENTITY),
            c("dev policy: create a dev role without the boundary").cite(SEED + " › Permission Boundaries for Developer Sandboxes")
                .principal(RequestPrincipal.user(dev)).resourceAccount("123456789012").identity(devPolicy)
                .action("iam:CreateRole").resource("arn:aws:iam::123456789012:role/dev-fn").expect(IMPLICIT_DENY, IDENTITY),
            c("dev policy: create a non-dev role").cite(SEED + " › Permission Boundaries for Developer Sandboxes")
                .principal(RequestPrincipal.user(dev)).resourceAccount("123456789012").identity(devPolicy)
                .action("iam:CreateRole").resource("arn:aws:iam::123456789012:role/admin")
                .ctx("iam:PermissionsBoundary", "arn:aws:iam::123456789012:policy/dev-sandbox-boundary").expect(IMPLICIT_DENY, IDENTITY),
            c("dev policy: pass a dev role to Lambda").cite(SEED + " › Permission Boundaries for Developer Sandboxes")
                .principal(RequestPrincipal.user(dev)).resourceAccount("123456789012").identity(devPolicy)
                .action("iam:PassRole").resource("arn:aws:iam::123456789012:role/dev-fn")
                .ctx("iam:PassedToService", "lambda.amazonaws.com").expect(ALLOW, IDENTITY),
            c("dev policy: pass a dev role to EC2").cite(SEED + " › Permission Boundaries for Developer Sandboxes")
                .principal(RequestPrincipal.user(dev)).resourceAccount("123456789012").identity(devPolicy)
                .action("iam:PassRole").resource("arn:aws:iam::123456789012:role/dev-fn")
                .ctx("iam:PassedToService", "ec2.amazonaws.com").expect(IMPLICIT_DENY, IDENTITY)
        );
    }

}
