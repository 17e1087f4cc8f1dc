package iamnb.policy;

import java.util.Objects;

/**
 * One change that would allow a denied request, already proved: the engine evaluated the request again with the
 * change applied, and {@link #result()} is that decision (allowed).
 *
 * @param kind what sort of change it is
 * @param where the layer and policy to change ("bucket policy of my-bucket", "a new inline policy of role app-role",
 *              "the request")
 * @param description the change in words, imperative ("Add ... to the Resource of statement AppRoleRead ...")
 * @param json the exact statement to write (the whole corrected or new statement), or "" for a change to the request
 * @param result the decision with the change applied
 */
public record Change(Kind kind, String where, String description, String json, Decision result) {
    /** The sorts of change, in the order an expert usually weighs them. */
    public enum Kind {
        /** Call differently: a header, MFA, another address or region (context keys). */
        CONTEXT("change the request"),
        /** Call another action that does what was meant (a service-linked role is deleted with DeleteServiceLinkedRole). */
        ACTION("call another action"),
        /** Correct the Resource of the statement that was meant to grant this (bucket ARN where objects were meant). */
        CORRECT_RESOURCE("correct a Resource"),
        /** Set a condition to the exact value of this caller (a web identity's sub). */
        PIN_CONDITION("correct a condition"),
        /** Add a statement to an identity or resource-based policy. */
        ADD_STATEMENT("add a statement"),
        /** Widen the permissions boundary. */
        WIDEN_BOUNDARY("widen the boundary"),
        /** Allow the action in an SCP or RCP at one level of the organization. */
        WIDEN_ORGANIZATION_POLICY("widen an SCP or RCP"),
        /** Allow the action in the session policy or the VPC endpoint policy. */
        WIDEN_FILTER("widen a session or endpoint policy"),
        /** Leave this principal out of an explicit Deny. */
        NARROW_DENY("narrow a Deny"),
        /** Remove an explicit Deny statement. */
        REMOVE_DENY("remove a Deny");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(result, "result");
    }

    /** The change and its proof in one sentence, e.g. for {@link Decision#fix()}. */
    public String sentence() {
        boolean jsonInWords = kind == Kind.ADD_STATEMENT || kind == Kind.WIDEN_BOUNDARY
                || kind == Kind.WIDEN_ORGANIZATION_POLICY || kind == Kind.WIDEN_FILTER || description.contains(json);
        return description + (json.isEmpty() || jsonInWords ? "" : ": " + json)
                + " (verified: with this change the engine gives "
                + result.verdict() + ")";
    }

    @Override
    public String toString() {
        return kind.label() + " — " + sentence();
    }
}
