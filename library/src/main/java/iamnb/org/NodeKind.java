package iamnb.org;

/** What stands at the start of an assume-role edge. */
public enum NodeKind {
    /** An IAM user of a collected member account. */
    USER("user"),
    /** A session of an IAM role of a collected member account (role chaining). */
    ROLE("role"),
    /** A member account whose IAM data was not collected: its principals are unknown, its trust is kept. */
    MEMBER_NOT_COLLECTED("member account not collected"),
    /** An account outside the organization, or a principal of one. */
    OUTSIDE_ACCOUNT("account outside the organization"),
    /** {@code "Principal": "*"}: any principal of any account. */
    ANY_PRINCIPAL("any AWS principal"),
    /** An AWS service such as {@code ec2.amazonaws.com}. */
    SERVICE("AWS service"),
    /** An OIDC or SAML identity provider (federation). */
    FEDERATED("identity provider");

    private final String title;

    NodeKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Whether the node is a principal of a collected member account (a path may continue through a role). */
    public boolean isMember() {
        return this == USER || this == ROLE;
    }
}
