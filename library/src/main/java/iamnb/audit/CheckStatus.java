package iamnb.audit;

/** The result of one requirement of a checklist. */
public enum CheckStatus {
    /** The requirement holds, and the evidence says how we know. */
    PASS,
    /** The requirement does not hold. */
    FAIL,
    /** It holds only loosely (e.g. a StringLike wildcard where StringEquals is expected). */
    WARN,
    /** It cannot be checked from IAM data: the evidence says what a person must verify. */
    MANUAL,
    /** It could have been checked with more input (the evidence says which); nothing was concluded. */
    NOT_CHECKED
}
