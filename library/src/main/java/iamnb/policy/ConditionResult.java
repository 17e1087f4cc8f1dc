package iamnb.policy;

import iamnb.model.Condition;
import java.util.List;
import java.util.Objects;

/**
 * How one condition test of a statement came out for a request, and why, in words.
 *
 * <p>The rules follow IAM JSON policy elements: Condition operators (a missing key fails a condition, except
 * that negated operators such as {@code StringNotEquals} then hold and {@code ...IfExists} operators hold) and
 * Set operators for multivalued context keys ({@code ForAllValues} holds on an empty or missing set,
 * {@code ForAnyValue} fails on it).
 *
 * @param condition the condition as written in the policy
 * @param why which rule decided
 * @param requestValues the request's values for the key; empty when the key is missing
 * @param policyValues the policy's values after policy variables were substituted
 * @param unresolvedVariables policy variables that had no value in the request (their values match nothing)
 */
public record ConditionResult(Condition condition, Why why, List<String> requestValues, List<String> policyValues,
                              List<String> unresolvedVariables) {

    /** The rule that decided a condition. */
    public enum Why {
        MATCHED(true),
        NOT_MATCHED(false),
        NEGATED_NONE_MATCHED(true),
        NEGATED_SOME_MATCHED(false),
        MISSING_FAILS(false),
        MISSING_NEGATED_HOLDS(true),
        MISSING_IF_EXISTS_HOLDS(true),
        FOR_ALL_EMPTY_HOLDS(true),
        FOR_ANY_EMPTY_FAILS(false),
        FOR_ALL_EVERY_VALUE_MATCHED(true),
        FOR_ALL_SOME_VALUE_UNMATCHED(false),
        FOR_ANY_SOME_VALUE_MATCHED(true),
        FOR_ANY_NO_VALUE_MATCHED(false),
        NULL_HOLDS(true),
        NULL_FAILS(false);

        private final boolean held;

        Why(boolean held) {
            this.held = held;
        }

        public boolean held() {
            return held;
        }
    }

    public ConditionResult {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(why, "why");
        requestValues = List.copyOf(requestValues);
        policyValues = List.copyOf(policyValues);
        unresolvedVariables = List.copyOf(unresolvedVariables);
    }

    public boolean held() {
        return why.held();
    }

    /** One sentence: e.g. "aws:MultiFactorAuthPresent is missing from the request, so Bool fails". */
    public String reason() {
        String key = condition.key();
        String op = condition.operator();
        String rv = requestValues.size() == 1 ? quote(requestValues.get(0)) : quoteAll(requestValues);
        String pv = policyValues.size() == 1 ? quote(policyValues.get(0)) : "any of " + quoteAll(policyValues);
        String text;
        switch (why) {
            case MATCHED:
                text = key + " is " + rv + ", which matches " + op + " " + pv + ", so the condition holds";
                break;
            case NOT_MATCHED:
                text = key + " is " + rv + ", which does not match " + op + " " + pv + ", so " + op + " fails"
                        + caseHint();
                break;
            case NEGATED_NONE_MATCHED:
                text = key + " is " + rv + ", which is not " + pv + ", so " + op + " holds";
                break;
            case NEGATED_SOME_MATCHED:
                text = key + " is " + rv + ", which matches " + pv + ", so " + op + " fails";
                break;
            case MISSING_FAILS:
                text = key + " is missing from the request, so " + op + " fails";
                break;
            case MISSING_NEGATED_HOLDS:
                text = key + " is missing from the request; " + op
                        + " is a negated operator, so it holds";
                break;
            case MISSING_IF_EXISTS_HOLDS:
                text = key + " is missing from the request, so " + op + " holds (IfExists ignores a missing key)";
                break;
            case FOR_ALL_EMPTY_HOLDS:
                text = key + " has no values in the request, so " + op
                        + " holds (ForAllValues is true for an empty or missing set)";
                break;
            case FOR_ANY_EMPTY_FAILS:
                text = key + " has no values in the request, so " + op
                        + " fails (ForAnyValue needs at least one value)";
                break;
            case FOR_ALL_EVERY_VALUE_MATCHED:
                text = "every value of " + key + " " + rv + " satisfies " + pv + ", so " + op + " holds";
                break;
            case FOR_ALL_SOME_VALUE_UNMATCHED:
                text = key + " is " + rv + " and not every value satisfies " + pv + ", so " + op + " fails";
                break;
            case FOR_ANY_SOME_VALUE_MATCHED:
                text = "a value of " + key + " " + rv + " satisfies " + pv + ", so " + op + " holds";
                break;
            case FOR_ANY_NO_VALUE_MATCHED:
                text = "no value of " + key + " " + rv + " satisfies " + pv + ", so " + op + " fails";
                break;
            case NULL_HOLDS:
                text = key + (requestValues.isEmpty() ? " is missing" : " is present") + ", so Null " + pv + " holds";
                break;
            case NULL_FAILS:
            default:
                text = key + (requestValues.isEmpty() ? " is missing" : " is present") + ", so Null " + pv + " fails";
                break;
        }
        if (!unresolvedVariables.isEmpty()) {
            text += "; the policy variable" + (unresolvedVariables.size() > 1 ? "s " : " ")
                    + String.join(", ", unresolvedVariables)
                    + " had no value in this request, so that policy value matches nothing";
        }
        return text;
    }

    private String caseHint() {
        String op = condition.operator();
        if (!op.contains("String") || op.contains("IgnoreCase")) {
            return "";
        }
        for (String r : requestValues) {
            for (String p : policyValues) {
                if (!r.equals(p) && r.equalsIgnoreCase(p)) {
                    return " (condition values are case-sensitive; StringEqualsIgnoreCase would match)";
                }
            }
        }
        return "";
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    private static String quoteAll(List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(quote(values.get(i)));
        }
        return b.append(']').toString();
    }

    @Override
    public String toString() {
        return (held() ? "held: " : "failed: ") + reason();
    }
}
