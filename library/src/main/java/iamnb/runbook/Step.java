package iamnb.runbook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.IamRequest;

/**
 * One step of a {@link Plan}: an API call with its exact parameters, or something a person does.
 *
 * <p>For an executable step the parameters are exactly what {@link Plan#apply} sends, with the AWS API's own
 * names ({@code RoleName}, {@code AssumeRolePolicyDocument}, ...) in the order shown; policy documents are
 * pretty-printed JSON and are sent as shown. {@code expect} holds the conditions a read-only check step
 * verifies (for example that an access key is {@code Inactive} before it is deleted); the plan stops when
 * they do not hold.
 *
 * <p>An executable step carries the AWS SDK's immutable request ({@code CreateRoleRequest}, ...), which
 * {@code apply()} passes to the {@code IamClient} unchanged; its {@code parameters} are that request's fields,
 * so the plan shows exactly what is sent. Give the request yourself ({@link #call(IamRequest, String)}) or
 * the AWS names and values as text ({@link #call(String, Map, String)}), converted to the request once, here.
 * Manual and follow-up steps are not sent and keep their parameters as text.
 *
 * @param action the API call as {@code service:Operation} ({@code iam:CreateRole}), or the empty string for
 *               a step with no API call (handing a key over to an application)
 * @param parameters the call's parameters in display order
 * @param description what the step does and why, in words
 * @param kind executable here, manual, or follow-up
 * @param expect what a check step verifies, in display order; empty for other steps
 * @param request the typed request an executable step sends; empty for manual and follow-up steps
 */
public record Step(String action, Map<String, String> parameters, String description, StepKind kind,
                   Map<String, String> expect, Optional<IamRequest> request) {

    /**
     * An executable step without a request gets one from {@code action} and {@code parameters}; with a request,
     * {@code action} and {@code parameters} are the request's own.
     *
     * @throws iamnb.InvalidInputException naming the action and the parameter apply() cannot send
     */
    public Step {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(request, "request (Optional.empty() for a step apply() does not make)");
        if (kind == StepKind.EXECUTABLE && request.isEmpty()) {
            request = Optional.of(IamCalls.request(action, ordered(parameters, "parameters")));
        }
        if (request.isPresent()) {
            if (kind != StepKind.EXECUTABLE) {
                throw new IllegalArgumentException("only executable steps carry a request; \"" + description
                        + "\" is " + kind.label());
            }
            IamCalls.requireComplete(request.get());
            action = IamCalls.action(request.get());
            parameters = IamCalls.parameters(request.get());
        }
        parameters = ordered(parameters, "parameters");
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

    /** An API call {@link Plan#apply} makes in this account, e.g. {@code CreateRoleRequest.builder()...build()}. */
    public static Step call(IamRequest request, String description) {
        return new Step("", Map.of(), description, StepKind.EXECUTABLE, Map.of(), Optional.of(request));
    }

    /**
     * An API call {@link Plan#apply} makes in this account, with the AWS parameter names and values as text
     * ({@code "iam:CreateRole", Map.of("RoleName", "ci", "AssumeRolePolicyDocument", json)}).
     *
     * @throws iamnb.InvalidInputException when apply() cannot make the call or the call has no such parameter
     */
    public static Step call(String action, Map<String, String> parameters, String description) {
        return new Step(action, parameters, description, StepKind.EXECUTABLE, Map.of(), Optional.empty());
    }

    /** A read-only call that verifies {@code expect} before the plan goes on. */
    public static Step check(IamRequest request, Map<String, String> expect, String description) {
        return new Step("", Map.of(), description, StepKind.EXECUTABLE, expect, Optional.of(request));
    }

    /** {@link #check(IamRequest, Map, String)} with the parameters as text, as in {@link #call(String, Map, String)}. */
    public static Step check(String action, Map<String, String> parameters, Map<String, String> expect,
                             String description) {
        return new Step(action, parameters, description, StepKind.EXECUTABLE, expect, Optional.empty());
    }

    /** Something a person does; {@code action} may be empty, or a call to make elsewhere (another account). */
    public static Step manual(String action, Map<String, String> parameters, String description) {
        return new Step(action, parameters, description, StepKind.MANUAL, Map.of(), Optional.empty());
    }

    /** A recommended follow-up, never executed by {@code apply()}. */
    public static Step followUp(String action, Map<String, String> parameters, String description) {
        return new Step(action, parameters, description, StepKind.FOLLOW_UP, Map.of(), Optional.empty());
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
