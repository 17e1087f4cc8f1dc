package iamnb.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Principal} (or {@code NotPrincipal}) element of a resource-based policy or trust policy.
 *
 * <p>{@code "Principal": "*"} is {@link #anyone()}; the object form maps a principal type ({@code AWS},
 * {@code Service}, {@code Federated}, {@code CanonicalUser}) to its values, which may themselves be
 * {@code "*"} ({@code {"AWS": "*"}} means any AWS principal, which for IAM purposes is everyone).
 *
 * @param anyone true for the bare {@code "*"} form
 * @param values principal type to values, in document order; empty when {@code anyone}
 */
public record Principal(boolean anyone, Map<String, List<String>> values) {
    public static final String AWS = "AWS";
    public static final String SERVICE = "Service";
    public static final String FEDERATED = "Federated";
    public static final String CANONICAL_USER = "CanonicalUser";

    public Principal {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((type, list) -> copy.put(type, List.copyOf(list)));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** {@code "Principal": "*"}. */
    public static Principal everyone() {
        return new Principal(true, Map.of());
    }

    /** A principal of one type with the given values, e.g. {@code of("AWS", "arn:aws:iam::111111111111:root")}. */
    public static Principal of(String type, String... values) {
        return new Principal(false, Map.of(type, List.of(values)));
    }

    /** The values of one type ({@code AWS}, {@code Service}, ...), empty when the type is absent. */
    public List<String> get(String type) {
        return values.getOrDefault(type, List.of());
    }

    public List<String> aws() {
        return get(AWS);
    }

    public List<String> service() {
        return get(SERVICE);
    }

    public List<String> federated() {
        return get(FEDERATED);
    }

    /** True when this names every principal: {@code "*"} or {@code {"AWS": "*"}}. */
    public boolean isWildcard() {
        return anyone || aws().contains("*");
    }

    @Override
    public String toString() {
        return anyone ? "*" : values.toString();
    }
}
