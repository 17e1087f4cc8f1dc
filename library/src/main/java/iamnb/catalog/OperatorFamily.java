package iamnb.catalog;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The families of IAM condition operators, each made for one type of key (IAM JSON policy elements: Condition
 * operators): string, numeric, date, Boolean, binary, IP address and ARN operators, and {@code Null}, which
 * tests any key for presence.
 */
public enum OperatorFamily {
    STRING("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
            "StringLike", "StringNotLike"),
    NUMERIC("NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
            "NumericGreaterThan", "NumericGreaterThanEquals"),
    DATE("DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
            "DateGreaterThanEquals"),
    BOOL("Bool"),
    BINARY("BinaryEquals"),
    IP_ADDRESS("IpAddress", "NotIpAddress"),
    ARN("ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"),
    NULL("Null");

    private final Set<String> operators;

    OperatorFamily(String... operators) {
        this.operators = Set.of(operators);
    }

    /**
     * The family of an operator as written in a policy, set qualifier ({@code ForAnyValue:}) and {@code IfExists}
     * suffix included; empty for a name IAM does not have.
     */
    public static Optional<OperatorFamily> of(String operator) {
        String base = operator;
        int colon = base.indexOf(':');
        if (colon >= 0) {
            String qualifier = base.substring(0, colon);
            if (!qualifier.equalsIgnoreCase("ForAnyValue") && !qualifier.equalsIgnoreCase("ForAllValues")) {
                return Optional.empty();
            }
            base = base.substring(colon + 1);
        }
        if (base.toLowerCase(Locale.ROOT).endsWith("ifexists") && !base.equalsIgnoreCase("NullIfExists")) {
            base = base.substring(0, base.length() - "IfExists".length());
        }
        for (OperatorFamily f : values()) {
            for (String o : f.operators) {
                if (o.equalsIgnoreCase(base)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether operators of this family make sense on keys of this type. ARN keys also take string operators and
     * date keys numeric ones ({@code aws:EpochTime} is compared either way), as AWS's own examples do;
     * ARN operators fit string keys too, since several keys typed String hold ARNs ({@code aws:SourceVpcArn}).
     */
    public boolean fits(KeyType type) {
        return switch (this) {
            case NULL -> true;
            case STRING -> type == KeyType.STRING || type == KeyType.ARN;
            case ARN -> type == KeyType.ARN || type == KeyType.STRING;
            case NUMERIC -> type == KeyType.NUMERIC || type == KeyType.DATE;
            case DATE -> type == KeyType.DATE;
            case BOOL -> type == KeyType.BOOL;
            case BINARY -> type == KeyType.BINARY;
            case IP_ADDRESS -> type == KeyType.IP_ADDRESS;
        };
    }
}
