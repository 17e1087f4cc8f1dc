package iamnb.runbook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a {@link Plan}: an API call with its exact parameters, or something a person does.
 *
 * <p>For an executable step the parameters are exactly what {@link Plan#apply} sends, with the AWS API's own
 * names ({@code RoleName}, {@code AssumeRolePolicyDocument}, ...) in the order shown; policy documents are
 * pretty-printed JSON and are sent as shown. {@code expect} holds the conditions a read-only check step
 * verifies (for example that an access key is {@code Inactive} before it is deleted); the plan stops when
 * they do not hold.
 *
 * @param action the API call as {@code service:Operation} ({@code iam:CreateRole}), or the empty string for
 *               a step with no API call (handing a key over to an application)
 * @param parameters the call's parameters in display order
 * @param description what the step does and why, in words
 * @param kind executable here, manual, or follow-up
 * @param expect what a check step verifies, in display order; empty for other steps
 */
public record Step(String action, Map<String, String> parameters, String description, StepKind kind,
                   Map<String, String> expect) {

    public Step {
        Objects.requireNonNull(action, "action");
        parameters = ordered(parameters, "parameters");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
        expect = ordered(expect, "expect");
        if (kind == StepKind.EXECUTABLE && action.isEmpty()) {
            throw new IllegalArgumentException("an executable step needs an API call; \"" + description
                    + "\" has none, make it MANUAL or FOLLOW_UP");
        }
        if (!action.isEmpty() && !action.matches("[a-z0-9-]+:[A-Z][A-Za-z0-9]+")) {
            throw new IllegalArgumentException("step action \"" + action + "\" is not service:Operation, e.g. iam:CreateRole");
        }
    }

    private static Map<String, String> ordered(Map<String, String> map, String what) {
        Objects.requireNonNull(map, what);
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, what + " key"),
                Objects.requireNonNull(v, what + " value of " + k)));
        return Collections.unmodifiableMap(copy);
    }

    /** An API call {@link Plan#apply} makes in this account. */
    public static Step call(String action, Map<String, String> parameters, String description) {
        return new Step(action, parameters, description, StepKind.EXECUTABLE, Map.of());
    }

    /** A read-only call that verifies {@code expect} before the plan goes on. */
    public static Step check(String action, Map<String, String> parameters, Map<String, String> expect,
                             String description) {
        return new Step(action, parameters, description, StepKind.EXECUTABLE, expect);
    }

    /** Something a person does; {@code action} may be empty, or a call to make elsewhere (another account). */
    public static Step manual(String action, Map<String, String> parameters, String description) {
        return new Step(action, parameters, description, StepKind.MANUAL, Map.of());
    }

    /** A recommended follow-up, never executed by {@code apply()}. */
    public static Step followUp(String action, Map<String, String> parameters, String description) {
        return new Step(action, parameters, description, StepKind.FOLLOW_UP, Map.of());
    }

    /** Whether the step is an API call at all. */
    public boolean hasCall() {
        return !action.isEmpty();
    }

    /** Whether the call only reads ({@code List*}, {@code Get*}, {@code Describe*}): dry runs still make it. */
    public boolean isReadOnly() {
        String op = action.substring(action.indexOf(':') + 1);
        return hasCall() && (op.startsWith("List") || op.startsWith("Get") || op.startsWith("Describe"));
    }

    /** A parameter's value; the step must have it. */
    public String parameter(String name) {
        String v = parameters.get(name);
        if (v == null) {
            throw new IllegalArgumentException(action + " step has no parameter " + name + "; it has " + parameters.keySet());
        }
        return v;
    }
}
