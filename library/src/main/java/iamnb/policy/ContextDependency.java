package iamnb.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * In discovery mode ({@link Request.Builder#unknownContext()}), context keys the request did not give and whose
 * values would change the answer: with {@link #values()} set, the engine gives {@link #verdict()} instead.
 *
 * @param values the keys and the values tried (each one proved by evaluating the request again)
 * @param verdict the decision with those values
 * @param statement the statement whose conditions test them ("statement RequireMfa of identity policy ...")
 */
public record ContextDependency(Map<String, String> values, Verdict verdict, String statement) {
    public ContextDependency {
        values = Map.copyOf(values);
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(statement, "statement");
    }

    /** The keys, in a stable order. */
    public List<String> keys() {
        return values.keySet().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    /** "with aws:MultiFactorAuthPresent = "true": ALLOW (statement ...)". */
    public String sentence() {
        StringBuilder b = new StringBuilder("with ");
        List<String> keys = keys();
        for (int i = 0; i < keys.size(); i++) {
            b.append(i == 0 ? "" : " and ").append(keys.get(i)).append(" = \"").append(values.get(keys.get(i))).append('"');
        }
        return b.append(": ").append(verdict).append(" (").append(statement).append(')').toString();
    }
}
