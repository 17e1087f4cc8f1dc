package iamnb.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement of a policy document, as parsed: every element IAM allows, nothing interpreted yet.
 *
 * <p>{@code Action}/{@code NotAction}, {@code Resource}/{@code NotResource} and
 * {@code Principal}/{@code NotPrincipal} are each stored as one list or principal plus a flag that says
 * whether the {@code Not} form was used. An absent {@code Resource} (trust policies, some resource
 * policies) is an empty list with {@code notResource == false}: the statement applies to the resource
 * the policy is attached to.
 *
 * @param index position of the statement in its document, from 0 (used to name it when it has no Sid)
 * @param sid the statement id, or the empty string
 * @param effect Allow or Deny
 * @param actions the values of Action or NotAction
 * @param notAction true when the statement used NotAction
 * @param resources the values of Resource or NotResource
 * @param notResource true when the statement used NotResource
 * @param principal the Principal or NotPrincipal element, if present
 * @param notPrincipal true when the statement used NotPrincipal
 * @param conditions every condition test; all must hold (AND)
 */
public record Statement(
        int index,
        String sid,
        Effect effect,
        List<String> actions,
        boolean notAction,
        List<String> resources,
        boolean notResource,
        Optional<Principal> principal,
        boolean notPrincipal,
        List<Condition> conditions) {

    public Statement {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(effect, "effect");
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        Objects.requireNonNull(principal, "principal");
        conditions = List.copyOf(conditions);
    }

    /** The Sid if the statement has one, else {@code #N} with its 0-based index. */
    public String label() {
        return sid.isEmpty() ? "#" + index : sid;
    }

    public boolean isAllow() {
        return effect == Effect.ALLOW;
    }

    public boolean isDeny() {
        return effect == Effect.DENY;
    }

    /** True when the statement names resources, with Resource or NotResource. */
    public boolean hasResourceElement() {
        return notResource || !resources.isEmpty();
    }
}
