package iamnb.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Discovery mode: which context keys the request did not give would change the decision. For every statement
 * whose Action, Resource and Principal matched and whose conditions test a key the request lacks (and the account
 * does not know — tags and principal keys are facts), the request is evaluated again with values that flip that
 * statement: values that make a failed Allow hold, or make a Deny that applied fail (or one that failed apply).
 * Only values that change the verdict are reported, so every dependency is proved.
 */
final class ContextDiscovery {
    private ContextDiscovery() {}

    static List<ContextDependency> of(Decision d) {
        Request r = d.request();
        Map<Map<String, String>, String> candidates = new LinkedHashMap<>();
        for (LayerResult l : d.layerResults()) {
            for (StatementMatch s : l.statements()) {
                if (!s.resourceMatched() || s.principalMatch().isEmpty() || s.conditions().isEmpty()) {
                    continue;
                }
                List<ConditionResult> unknown = s.conditions().stream().filter(c -> isUnknown(r, c)).toList();
                if (unknown.isEmpty()) {
                    continue;
                }
                if (s.applies()) {
                    for (ConditionResult c : unknown) {
                        ConditionSamples.falsifying(c).ifPresent(v -> candidates.putIfAbsent(
                                Map.of(c.condition().key(), v), s.title()));
                    }
                } else {
                    flip(s.failedConditions(), unknown).ifPresent(m -> candidates.putIfAbsent(m, s.title()));
                }
            }
        }
        List<ContextDependency> out = new ArrayList<>();
        candidates.forEach((values, statement) -> {
            Request.Builder b = r.toBuilder();
            values.forEach((k, v) -> b.context(k, v));
            Decision with = PolicyEvaluator.evaluate(b.build(), d.layers());
            if (with.verdict() != d.verdict()) {
                out.add(new ContextDependency(values, with.verdict(), statement));
            }
        });
        return out;
    }

    /** The unknown keys of the dependencies, in order of first mention. */
    static List<String> keys(List<ContextDependency> dependencies) {
        Set<String> keys = new LinkedHashSet<>();
        dependencies.forEach(dep -> keys.addAll(dep.keys()));
        return List.copyOf(keys);
    }

    private static boolean isUnknown(Request r, ConditionResult c) {
        String key = c.condition().key();
        return c.requestValues().isEmpty() && r.contextValues(key).isEmpty() && !ContextKeys.knownToAccount(key)
                && !r.context().containsKey(key);
    }

    /** Values making every failed condition hold, when each of them tests an unknown key. */
    private static Optional<Map<String, String>> flip(List<ConditionResult> failed, List<ConditionResult> unknown) {
        if (failed.isEmpty() || !unknown.containsAll(failed)) {
            return Optional.empty();
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (ConditionResult c : failed) {
            Optional<String> v = ConditionSamples.satisfying(c);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            m.put(c.condition().key(), v.get());
        }
        return Optional.of(m);
    }
}
