package iamnb.policy;

import iamnb.model.PolicyDocument;
import iamnb.policy.internal.CompiledPolicy;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled policies, keyed by the identity of their {@link PolicyDocument}: a managed policy attached to many
 * principals is compiled once. Hand one cache to every {@link Layers.Builder} that sees the same documents
 * (the account simulator does). Thread-safe.
 */
public final class PolicyCache {
    private record Key(PolicyDocument doc) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.doc == doc;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(doc);
        }
    }

    private final ConcurrentHashMap<Key, CompiledPolicy> compiled = new ConcurrentHashMap<>();

    /** Documents cut down to the statements of one action ({@link Layers#narrowedTo}), so each is cut once. */
    private final ConcurrentHashMap<Key, ConcurrentHashMap<String, PolicyDocument>> narrowed = new ConcurrentHashMap<>();

    private PolicyCache() {}

    public static PolicyCache create() {
        return new PolicyCache();
    }

    CompiledPolicy compile(PolicyDocument doc, String name) {
        return compiled.computeIfAbsent(new Key(doc), k -> CompiledPolicy.compile(doc, name));
    }

    PolicyDocument narrowed(PolicyDocument doc, String actionLowerCase, java.util.function.Supplier<PolicyDocument> cut) {
        return narrowed.computeIfAbsent(new Key(doc), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(actionLowerCase, a -> cut.get());
    }

    /** How many distinct documents were compiled. */
    public int size() {
        return compiled.size();
    }
}
