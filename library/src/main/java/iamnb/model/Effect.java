package iamnb.model;

/** A statement either allows or denies. */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String json;

    Effect(String json) {
        this.json = json;
    }

    /** The spelling IAM uses in policy JSON ("Allow", "Deny"). */
    public String json() {
        return json;
    }
}
