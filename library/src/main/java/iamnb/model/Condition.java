package iamnb.model;

import java.util.List;
import java.util.Objects;

/**
 * One condition test of a statement: an operator applied to one context key and its values.
 *
 * <p>{@code "Condition": {"StringEquals": {"sts:ExternalId": "prod-deploy-2024"}}} becomes
 * {@code Condition("StringEquals", "sts:ExternalId", ["prod-deploy-2024"])}. The operator keeps its
 * full spelling, set qualifier and {@code IfExists} suffix included ({@code "ForAnyValue:StringLikeIfExists"});
 * the policy engine interprets it. Values are kept as written; JSON numbers and booleans become their text.
 *
 * @param operator the condition operator as written in the policy
 * @param key the condition key as written (keys are case-insensitive when evaluated)
 * @param values the values; several values are ORed together
 */
public record Condition(String operator, String key, List<String> values) {
    public Condition {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
    }

    @Override
    public String toString() {
        return operator + " " + key + " " + (values.size() == 1 ? values.get(0) : values);
    }
}
