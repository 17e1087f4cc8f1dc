package iamnb.policy.internal;

import java.util.List;

/** Read access to a request's context keys, by lower-cased key name (condition keys are case-insensitive). */
@FunctionalInterface
public interface ContextLookup {
    /** The values of the key, or {@code null} when the key is not in the request. */
    List<String> get(String lowerCaseKey);
}
