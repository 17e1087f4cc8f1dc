package iamnb.catalog;

import java.util.Locale;
import java.util.Objects;

/**
 * A condition key as the reference defines it. Some keys are families: {@code aws:ResourceTag/${TagKey}} stands
 * for {@code aws:ResourceTag/team}, {@code aws:ResourceTag/env} and so on; {@link #matches} knows that.
 *
 * @param name the key as the reference spells it, placeholders included
 * @param type the type of its values
 * @param multivalued true for the reference's {@code ArrayOf...} types: the key holds a set of values and wants
 *     {@code ForAnyValue:} / {@code ForAllValues:} operators
 */
public record ConditionKey(String name, KeyType type, boolean multivalued) {
    public ConditionKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** The service prefix of the key: {@code aws} for global keys, {@code s3} for {@code s3:prefix}. */
    public String prefix() {
        int colon = name.indexOf(':');
        return colon < 0 ? "" : name.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** Whether this is a family of keys ({@code aws:RequestTag/${TagKey}}) rather than one key. */
    public boolean isTemplate() {
        return name.contains("${") || name.contains("<");
    }

    /** Whether a key as written in a policy is this key (keys are case-insensitive) or one of its family. */
    public boolean matches(String key) {
        return Wildcards.sameKey(name, key);
    }

    @Override
    public String toString() {
        return name + " (" + (multivalued ? "ArrayOf" : "") + type + ")";
    }
}
