package iamnb.catalog;

/**
 * The type of a condition key's values, which decides the condition operators that make sense for it
 * (IAM JSON policy elements: Condition operators). Multi-valued keys ({@code ArrayOfString}) have the type of
 * their elements; {@link ConditionKey#multivalued()} says they are sets.
 */
public enum KeyType {
    STRING,
    ARN,
    NUMERIC,
    DATE,
    BOOL,
    IP_ADDRESS,
    BINARY;

    /** The type the reference writes as {@code String}, {@code ArrayOfARN}, {@code IPAddress} ... */
    static KeyType ofReference(String name, String where) {
        String element = name.startsWith("ArrayOf") ? name.substring("ArrayOf".length()) : name;
        return switch (element) {
            case "String" -> STRING;
            case "ARN" -> ARN;
            case "Numeric" -> NUMERIC;
            case "Date" -> DATE;
            case "Bool" -> BOOL;
            case "IPAddress" -> IP_ADDRESS;
            case "Binary" -> BINARY;
            default -> throw new IllegalStateException(where + ": unknown condition key type " + name);
        };
    }
}
