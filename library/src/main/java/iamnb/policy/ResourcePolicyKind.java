package iamnb.policy;

/**
 * Which kind of resource-based policy is attached to the resource. Role trust policies and KMS key policies
 * are the documented exceptions to "either side may allow": they must themselves allow the principal (How AWS
 * enforcement code logic evaluates requests to allow or deny access › "Resource-based policies").
 */
public enum ResourcePolicyKind {
    /** A bucket policy, queue policy, secret policy, ...: within one account, identity OR resource policy. */
    GENERIC("resource-based policy"),
    /** The role's trust policy, consulted for sts:AssumeRole, sts:AssumeRoleWithWebIdentity, sts:AssumeRoleWithSAML. */
    ROLE_TRUST("role trust policy"),
    /** A KMS key policy: no IAM policy grants access to a key unless the key policy allows it. */
    KMS_KEY("KMS key policy");

    private final String title;

    ResourcePolicyKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Whether the policy itself must allow (trust and key policies), rather than either side. */
    public boolean mustAllow() {
        return this != GENERIC;
    }
}
