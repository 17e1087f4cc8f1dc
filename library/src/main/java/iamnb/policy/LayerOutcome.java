package iamnb.policy;

/** What one layer said about a request. */
public enum LayerOutcome {
    /** A statement allowed the request and none denied it. */
    ALLOW,
    /** A Deny statement applied (explicit deny). */
    DENY,
    /** No statement applied: an implicit deny if this layer must allow. */
    SILENT,
    /** The layer does not take part (absent, or exempt as documented). */
    NOT_APPLICABLE;

    public String lowerCase() {
        return switch (this) {
            case ALLOW -> "allows";
            case DENY -> "denies";
            case SILENT -> "is silent";
            case NOT_APPLICABLE -> "does not apply";
        };
    }
}
