package iamnb.policy;

import static iamnb.policy.Golden.allow;
import static iamnb.policy.Golden.allowAll;
import static iamnb.policy.Golden.c;
import static iamnb.policy.Golden.deny;
import static iamnb.policy.Golden.policy;
import static iamnb.policy.LayerKind.IDENTITY;
import static iamnb.policy.LayerKind.RESOURCE_POLICY;
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
                .expect(IMPLICIT_DENY, IDENTITY));
    }
}
