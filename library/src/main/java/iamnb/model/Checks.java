package iamnb.model;

import iamnb.InvalidInputException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Validation shared by the model's compact constructors. */
final class Checks {
    private Checks() {}

    static String notBlank(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new InvalidInputException(what + " must not be blank");
        }
        return value;
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** An immutable copy sorted by key, so that equal maps also print and save identically. */
    static Map<String, String> sortedCopy(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
