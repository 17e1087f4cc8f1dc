package iamnb.policy;

import static iamnb.policy.Golden.allow;
import static iamnb.policy.Golden.allowAll;
import static iamnb.policy.Golden.c;
import static iamnb.policy.Golden.deny;
import static iamnb.policy.Golden.policy;
import static iamnb.policy.LayerKind.IDENTITY;
import static iamnb.policy.Verdict.ALLOW;
import static iamnb.policy.Verdict.EXPLICIT_DENY;

import java.util.List;

/** Golden cases for the rules AWS applies beyond what the policies say, each citing the page that states it. */
final class ServiceRuleGolden {
    /** "No permissions are required to perform this operation. If an administrator attaches a policy to your
     * identity that explicitly denies access to the sts:GetCallerIdentity action, you can still perform this
     * operation." */
    static final String CALLER_IDENTITY = "AWS STS API Reference › GetCallerIdentity (no permissions are required; "
            + "works even when a policy explicitly denies it)";

    private ServiceRuleGolden() {}

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
                .identity(allowAll()).identity("deny", policy(deny("sts:*", "*"))).expect(EXPLICIT_DENY, IDENTITY));
    }
}
