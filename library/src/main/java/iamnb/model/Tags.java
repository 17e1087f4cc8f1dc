package iamnb.model;

import java.util.Map;

/** Helpers for the {@code Map<String, String>} tags carried by users, roles and providers. */
public final class Tags {
    private Tags() {}

    /** Tags from alternating keys and values: {@code Tags.of("team", "payments", "env", "prod")}. */
    public static Map<String, String> of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("tags need key/value pairs, got an odd number of strings");
        }
        java.util.TreeMap<String, String> tags = new java.util.TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            tags.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Checks.sortedCopy(tags);
    }
}
