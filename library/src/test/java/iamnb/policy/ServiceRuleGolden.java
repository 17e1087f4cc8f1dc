package iamnb.policy;

import static iamnb.policy.Golden.allow;
import static iamnb.policy.Golden.allowAll;
import static iamnb.policy.Golden.c;
import static iamnb.policy.Golden.deny;
import static iamnb.policy.Golden.policy;
import static iamnb.policy.LayerKind.IDENTITY;
import static iamnb.policy.LayerKind.RESOURCE_POLICY;
import static iamnb.policy.LayerKind.VPC_ENDPOINT_POLICY;
import static iamnb.policy.Verdict.ALLOW;
import static iamnb.policy.Verdict.EXPLICIT_DENY;
import static iamnb.policy.Verdict.IMPLICIT_DENY;

import java.util.List;

/**
 * Golden cases for the rules AWS applies beyond what the policies say, and for NotPrincipal in an Allow, each
 * citing the page that states it.
 */
final class ServiceRuleGolden {
    /** "No permissions are required to perform this operation. If an administrator attaches a policy to your
     * identity that explicitly denies access to the sts:GetCallerIdentity action, you can still perform this
     * operation." */
    static final String CALLER_IDENTITY = "AWS STS API Reference › GetCallerIdentity (no permissions are required; "
            + "works even when a policy explicitly denies it)";

    /** "Doing so allows all principals except the one named in the NotPrincipal element." The "also list the
     * account" rule of the same page is stated for Deny. */
    static final String NOT_PRINCIPAL_ALLOW = "AWS JSON policy elements: NotPrincipal › Using NotPrincipal with Allow";
    private static final String OBJECT = "arn:aws:s3:::bucket/key";

    /** "You cannot change the permissions defined in AWS managed policies." */
    static final String AWS_MANAGED = "IAM User Guide › Managed policies and inline policies › AWS managed policies";
    /** UnmodifiableEntity: "service-linked roles are protected AWS resources. Only the service that depends on the
     * service-linked role can modify or delete the role on your behalf." */
    static final String SERVICE_LINKED = "IAM User Guide › Service-linked roles; IAM API Reference › DeleteRole › "
            + "Errors › UnmodifiableEntity";
    /** Roles under /aws-reserved/sso.amazonaws.com/ are provisioned from permission sets by IAM Identity Center. */
    static final String IDENTITY_CENTER = "IAM Identity Center User Guide › Permission sets; AWS managed policy "
            + "AWSSSOServiceRolePolicy";
    /** "The alias name cannot begin with alias/aws/. The alias/aws/ prefix is reserved for AWS managed keys." */
    static final String KMS_ALIAS = "AWS KMS API Reference › CreateAlias";
    /** A request through an endpoint needs the endpoint policy's Allow; its explicit Deny denies. */
    static final String ENDPOINT = "AWS PrivateLink Guide › Control access to VPC endpoints using endpoint policies";
    private static final String MANAGED_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final String SLR = "arn:aws:iam::" + Golden.ACCT
            + ":role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport";
    private static final String SSO_ROLE = "arn:aws:iam::" + Golden.ACCT
            + ":role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef";
    private static final String AWS_ALIAS = "arn:aws:kms:us-east-1:" + Golden.ACCT + ":alias/aws/s3";
    private static final String ENDPOINT_ALLOWS_GET = "{'Effect':'Allow','Principal':'*','Action':'s3:GetObject',"
            + "'Resource':'arn:aws:s3:::bucket/*'}";

    private ServiceRuleGolden() {}

    private static String allowAllBut(String... notPrincipals) {
        return "{'Effect':'Allow','NotPrincipal':{'AWS':['" + String.join("','", notPrincipals)
                + "']},'Action':'s3:GetObject','Resource':'" + OBJECT + "'}";
    }

    static List<Golden> cases() {
        return List.of(
            c("sts:GetCallerIdentity needs no permission").cite(CALLER_IDENTITY)
                .action("sts:GetCallerIdentity").resource("*")
                .identity(policy(allow("s3:GetObject", "*"))).expect(ALLOW, IDENTITY),
            c("sts:GetCallerIdentity works under an explicit Deny").cite(CALLER_IDENTITY)
                .action("sts:GetCallerIdentity").resource("*")
                .identity(policy(allow("*", "*"), deny("sts:*", "*"))).expect(ALLOW, IDENTITY),
            c("sts:GetCallerIdentity is matched without regard to case").cite(CALLER_IDENTITY + "; IAM JSON policy elements: Action")
                .action("STS:getcalleridentity").resource("*")
                .identity(policy(deny("*", "*"))).expect(ALLOW, IDENTITY),
            c("the explicit Deny still stops the other STS actions").cite(CALLER_IDENTITY + "; " + PolicyGoldenTest.EVAL)
                .action("sts:GetSessionToken").resource("*")
                .identity(allowAll()).identity("deny", policy(deny("sts:*", "*"))).expect(EXPLICIT_DENY, IDENTITY),
            c("Allow with NotPrincipal naming a user leaves that user out").cite(NOT_PRINCIPAL_ALLOW)
                .resourcePolicy(policy(allowAllBut(Golden.arnUser("alice")))).expect(IMPLICIT_DENY, IDENTITY),
            c("Allow with NotPrincipal naming user and account leaves that user out").cite(NOT_PRINCIPAL_ALLOW)
                .resourcePolicy(policy(allowAllBut(Golden.arnUser("alice"), "arn:aws:iam::" + Golden.ACCT + ":root")))
                .expect(IMPLICIT_DENY, IDENTITY),
            c("Allow with NotPrincipal allows every other principal").cite(NOT_PRINCIPAL_ALLOW)
                .user("bob").resourcePolicy(policy(allowAllBut(Golden.arnUser("alice")))).expect(ALLOW, RESOURCE_POLICY),
            c("Allow with NotPrincipal naming a role leaves its sessions out").cite(NOT_PRINCIPAL_ALLOW)
                .session("app-role", "s1").resourcePolicy(policy(allowAllBut(Golden.arnRole("app-role"))))
                .expect(IMPLICIT_DENY, IDENTITY),

            c("an AWS managed policy cannot get a new version, even for an administrator").cite(AWS_MANAGED)
                .action("iam:CreatePolicyVersion").resource(MANAGED_POLICY).identity(allowAll()).expect(EXPLICIT_DENY, IDENTITY),
            c("an AWS managed policy cannot be deleted").cite(AWS_MANAGED)
                .action("iam:DeletePolicy").resource(MANAGED_POLICY).identity(allowAll()).expect(EXPLICIT_DENY, IDENTITY),
            c("an AWS managed policy's default version cannot be set").cite(AWS_MANAGED)
                .action("iam:SetDefaultPolicyVersion").resource(MANAGED_POLICY).identity(allowAll()).expect(EXPLICIT_DENY, IDENTITY),
            c("the root user cannot change an AWS managed policy either").cite(AWS_MANAGED)
                .principal(RequestPrincipal.root(Golden.ACCT)).action("iam:CreatePolicyVersion").resource(MANAGED_POLICY)
                .expect(EXPLICIT_DENY),
            c("an AWS managed policy can still be attached").cite(AWS_MANAGED + "; " + PolicyGoldenTest.EVAL)
                .action("iam:AttachRolePolicy").resource(Golden.arnRole("app")).identity(allowAll()).expect(ALLOW, IDENTITY),
            c("a customer managed policy gets new versions as the policies allow").cite(AWS_MANAGED)
                .action("iam:CreatePolicyVersion").resource("arn:aws:iam::" + Golden.ACCT + ":policy/mine")
                .identity(allowAll()).expect(ALLOW, IDENTITY),
            c("a service-linked role cannot be deleted with DeleteRole").cite(SERVICE_LINKED)
                .action("iam:DeleteRole").resource(SLR).identity(allowAll()).expect(EXPLICIT_DENY, IDENTITY),
            c("a service-linked role's trust policy cannot be rewritten").cite(SERVICE_LINKED)
                .action("iam:UpdateAssumeRolePolicy").resource(SLR).identity(allowAll()).expect(EXPLICIT_DENY, IDENTITY),
            c("a policy cannot be attached to a service-linked role").cite(SERVICE_LINKED)
                .action("iam:AttachRolePolicy").resource(SLR).identity(allowAll()).expect(EXPLICIT_DENY, IDENTITY),
            c("an inline policy cannot be put on a service-linked role").cite(SERVICE_LINKED)
                .action("iam:PutRolePolicy").resource(SLR).identity(allowAll()).expect(EXPLICIT_DENY, IDENTITY),
            c("a service-linked role is deleted with DeleteServiceLinkedRole").cite(SERVICE_LINKED)
                .action("iam:DeleteServiceLinkedRole").resource(SLR).identity(allowAll()).expect(ALLOW, IDENTITY),
            c("a service-linked role's description can be edited").cite(SERVICE_LINKED)
                .action("iam:UpdateRoleDescription").resource(SLR).identity(allowAll()).expect(ALLOW, IDENTITY),
            c("an Identity Center role cannot be deleted in IAM").cite(IDENTITY_CENTER)
                .action("iam:DeleteRole").resource(SSO_ROLE).identity(allowAll()).expect(EXPLICIT_DENY, IDENTITY),
            c("an Identity Center role's trust policy cannot be rewritten in IAM").cite(IDENTITY_CENTER)
                .action("iam:UpdateAssumeRolePolicy").resource(SSO_ROLE).identity(allowAll()).expect(EXPLICIT_DENY, IDENTITY),
            c("an Identity Center role can still be assumed as its trust policy allows").cite(IDENTITY_CENTER + "; " + PolicyGoldenTest.EVAL)
                .action("sts:AssumeRole").resource(SSO_ROLE).identity(allowAll()).expect(ALLOW, IDENTITY),
            c("an alias under alias/aws/ cannot be created").cite(KMS_ALIAS)
                .action("kms:CreateAlias").resource(AWS_ALIAS).identity(allowAll()).expect(EXPLICIT_DENY, IDENTITY),
            c("an alias under alias/aws/ cannot be deleted").cite(KMS_ALIAS)
                .action("kms:DeleteAlias").resource(AWS_ALIAS).identity(allowAll()).expect(EXPLICIT_DENY, IDENTITY),
            c("an alias under alias/aws/ cannot be repointed").cite(KMS_ALIAS)
                .action("kms:UpdateAlias").resource(AWS_ALIAS).identity(allowAll()).expect(EXPLICIT_DENY, IDENTITY),
            c("an alias of another name is created as the policies allow").cite(KMS_ALIAS)
                .action("kms:CreateAlias").resource("arn:aws:kms:us-east-1:" + Golden.ACCT + ":alias/app/s3")
                .identity(allowAll()).expect(ALLOW, IDENTITY),

            c("a request through a VPC endpoint needs the endpoint policy's Allow").cite(ENDPOINT)
                .action("s3:PutObject").ctx("aws:SourceVpce", "vpce-1a2b3c4d").identity(allowAll())
                .endpoint(policy(ENDPOINT_ALLOWS_GET)).expect(IMPLICIT_DENY, VPC_ENDPOINT_POLICY),
            c("a request through a VPC endpoint whose policy allows it is allowed").cite(ENDPOINT)
                .ctx("aws:SourceVpce", "vpce-1a2b3c4d").identity(allowAll())
                .endpoint(policy(ENDPOINT_ALLOWS_GET)).expect(ALLOW, IDENTITY),
            c("an explicit Deny in the endpoint policy denies").cite(ENDPOINT)
                .ctx("aws:SourceVpce", "vpce-1a2b3c4d").identity(allowAll())
                .endpoint(policy(ENDPOINT_ALLOWS_GET, "{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'*',"
                        + "'Condition':{'StringNotEquals':{'aws:PrincipalAccount':'" + Golden.OTHER + "'}}}"))
                .expect(EXPLICIT_DENY, VPC_ENDPOINT_POLICY),
            c("the endpoint policy grants nothing on its own").cite(ENDPOINT)
                .ctx("aws:SourceVpce", "vpce-1a2b3c4d").endpoint(policy(ENDPOINT_ALLOWS_GET)).expect(IMPLICIT_DENY, IDENTITY),
            c("a request not through the endpoint ignores the endpoint policy").cite(ENDPOINT)
                .action("s3:PutObject").identity(allowAll()).endpoint(policy(ENDPOINT_ALLOWS_GET)).expect(ALLOW, IDENTITY),
            c("an endpoint policy statement naming another principal does not allow").cite(ENDPOINT + "; " + PolicyGoldenTest.PRINCIPAL)
                .ctx("aws:SourceVpce", "vpce-1a2b3c4d").identity(allowAll())
                .endpoint(policy("{'Effect':'Allow','Principal':{'AWS':'" + Golden.arnUser("bob") + "'},'Action':'s3:*','Resource':'*'}"))
                .expect(IMPLICIT_DENY, VPC_ENDPOINT_POLICY));
    }
}
