package iamnb.policy;

/**
 * The final decision (Policy evaluation logic › "The difference between explicit and implicit denies"):
 * allowed, explicitly denied by a Deny statement, or implicitly denied because nothing required allowed it.
 */
public enum Verdict {
    ALLOW,
    EXPLICIT_DENY,
    IMPLICIT_DENY;

    public boolean allowed() {
        return this == ALLOW;
    }
}
