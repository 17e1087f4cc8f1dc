package iamnb.policy;

/**
 * How a statement's {@code Principal} or {@code NotPrincipal} element took in the request's principal. It
 * matters for the same-account rules of How AWS enforcement code logic evaluates requests to allow or deny
 * access › "Resource-based policies": a grant naming the IAM user or the session directly is not limited by an
 * implicit deny in identity policies, the permissions boundary or the session policy; a grant to the role's
 * ARN is limited by the boundary and the session policy; a grant to the account delegates to IAM policies.
 */
public enum PrincipalMatch {
    /** The policy type has no Principal element (identity policies, boundaries, SCPs, session policies). */
    NOT_CHECKED("no Principal element in this kind of policy"),
    /** {@code "Principal": "*"} or {@code {"AWS": "*"}}. */
    WILDCARD("Principal \"*\" names everyone"),
    /** The account ({@code 123456789012} or {@code arn:aws:iam::123456789012:root}): delegates to IAM policies. */
    ACCOUNT("the Principal names the principal's account, which delegates to its IAM policies"),
    /** The role's ARN, a service principal or an identity provider. */
    ENTITY("the Principal names the role, service or identity provider"),
    /** The IAM user's ARN or the session's ARN (assumed-role or federated-user). */
    DIRECT("the Principal names this user or session directly"),
    /** NotPrincipal does not exclude the principal, so the statement applies. */
    NOT_PRINCIPAL("NotPrincipal does not exclude this principal"),
    /**
     * NotPrincipal with Deny always applies to an IAM principal that has a permissions boundary, whatever it
     * lists (Permissions boundaries for IAM entities, first "Important" note; AWS JSON policy elements:
     * NotPrincipal › "Key points").
     */
    NOT_PRINCIPAL_WITH_BOUNDARY("NotPrincipal with Deny always applies to a principal that has a permissions boundary");

    private final String description;

    PrincipalMatch(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
