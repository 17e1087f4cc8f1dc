package iamnb.policy;

/**
 * Who makes a request (IAM JSON policy elements: Principal › "AWS account principals", "IAM role principals",
 * "Role session principals", "IAM user principals", "AWS STS federated user principals", "AWS service
 * principals", "All principals"), and the value AWS puts in {@code aws:PrincipalType} for it
 * (AWS global condition context keys › aws:PrincipalType).
 */
public enum PrincipalType {
    /** An IAM user with long-term credentials. */
    USER("User"),
    /** An IAM role considered as a whole (as simulate-principal-policy does), not one of its sessions. */
    ROLE("AssumedRole"),
    /** A session of an IAM role: {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}. */
    ASSUMED_ROLE("AssumedRole"),
    /** A GetFederationToken session: {@code arn:aws:sts::ACCOUNT:federated-user/NAME}. */
    FEDERATED_USER("FederatedUser"),
    /** A caller of AssumeRoleWithWebIdentity (an OIDC or Cognito identity), before it has a role session. */
    WEB_IDENTITY("WebIdentityUser"),
    /** A caller of AssumeRoleWithSAML, before it has a role session. */
    SAML("SAMLUser"),
    /** An AWS service principal such as {@code ec2.amazonaws.com}. */
    SERVICE("Service"),
    /** An unauthenticated request. */
    ANONYMOUS("Anonymous"),
    /** The root user of an account. */
    ROOT("Account");

    private final String contextValue;

    PrincipalType(String contextValue) {
        this.contextValue = contextValue;
    }

    /** The value of {@code aws:PrincipalType} for this kind of principal. */
    public String contextValue() {
        return contextValue;
    }

    /** True for the principals that hold IAM identity policies (users, roles and their sessions). */
    public boolean hasIdentityPolicies() {
        return this == USER || this == ROLE || this == ASSUMED_ROLE || this == FEDERATED_USER;
    }

    /** True for role sessions and federated-user sessions: principals a resource policy can name by session ARN. */
    public boolean isSession() {
        return this == ASSUMED_ROLE || this == FEDERATED_USER;
    }
}
