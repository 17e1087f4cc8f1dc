package iamnb.policy.internal;

import iamnb.InvalidInputException;
import iamnb.model.Condition;
import iamnb.policy.ConditionResult;
import iamnb.policy.ConditionResult.Why;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One condition test compiled once: operator parsed, key lower-cased, every constant value converted to its
 * type (glob, number, instant, CIDR, ARN pattern) ahead of time. Values with policy variables are resolved per
 * request.
 *
 * <p>Semantics (IAM JSON policy elements: Condition operators; Set operators for multivalued context keys):
 * <ul>
 *   <li>several values for one key are ORed; several keys and operators are ANDed by the statement;</li>
 *   <li>a key missing from the request fails the test, except that a negated operator (StringNotEquals,
 *       StringNotLike, NumericNotEquals, DateNotEquals, NotIpAddress, ArnNotEquals, ArnNotLike,
 *       StringNotEqualsIgnoreCase) then holds, and an {@code ...IfExists} operator holds;</li>
 *   <li>{@code ForAllValues:} holds when every request value satisfies the test, and also when the key is missing
 *       or has no values; {@code ForAnyValue:} needs at least one request value that satisfies it;</li>
 *   <li>a negated operator is the negation of its positive form: for one value, "matches none of the policy
 *       values";</li>
 *   <li>{@code Null} with "true" holds when the key is missing, with "false" when it is present.</li>
 * </ul>
 */
public final class CompiledCondition {

    /** Operator families; negated operators share the family of their positive form. */
    enum Family { STRING_EQ, STRING_EQ_IC, STRING_LIKE, NUM_EQ, NUM_LT, NUM_LE, NUM_GT, NUM_GE,
        DATE_EQ, DATE_LT, DATE_LE, DATE_GT, DATE_GE, BOOL, BINARY, IP, ARN, NULL }

    private enum SetOp { NONE, FOR_ALL, FOR_ANY }

    private record Base(String name, Family family, boolean negated) {}

    private static final List<Base> OPERATORS = List.of(
            new Base("StringEquals", Family.STRING_EQ, false),
            new Base("StringNotEquals", Family.STRING_EQ, true),
            new Base("StringEqualsIgnoreCase", Family.STRING_EQ_IC, false),
            new Base("StringNotEqualsIgnoreCase", Family.STRING_EQ_IC, true),
            new Base("StringLike", Family.STRING_LIKE, false),
            new Base("StringNotLike", Family.STRING_LIKE, true),
            new Base("NumericEquals", Family.NUM_EQ, false),
            new Base("NumericNotEquals", Family.NUM_EQ, true),
            new Base("NumericLessThan", Family.NUM_LT, false),
            new Base("NumericLessThanEquals", Family.NUM_LE, false),
            new Base("NumericGreaterThan", Family.NUM_GT, false),
            new Base("NumericGreaterThanEquals", Family.NUM_GE, false),
            new Base("DateEquals", Family.DATE_EQ, false),
            new Base("DateNotEquals", Family.DATE_EQ, true),
            new Base("DateLessThan", Family.DATE_LT, false),
            new Base("DateLessThanEquals", Family.DATE_LE, false),
            new Base("DateGreaterThan", Family.DATE_GT, false),
            new Base("DateGreaterThanEquals", Family.DATE_GE, false),
            new Base("Bool", Family.BOOL, false),
            new Base("BinaryEquals", Family.BINARY, false),
            new Base("IpAddress", Family.IP, false),
            new Base("NotIpAddress", Family.IP, true),
            new Base("ArnEquals", Family.ARN, false),
            new Base("ArnLike", Family.ARN, false),
            new Base("ArnNotEquals", Family.ARN, true),
            new Base("ArnNotLike", Family.ARN, true),
            new Base("Null", Family.NULL, false));

    private final Condition source;
    private final Family family;
    private final boolean negated;
    private final SetOp set;
    private final boolean ifExists;
    private final String lowerKey;
    private final ValueTemplate[] templates;
    private final Object[] constants; // typed value per template, null where the template has variables
    private final boolean constant;

    private CompiledCondition(Condition source, Base base, SetOp set, boolean ifExists, boolean variables) {
        this.source = source;
        this.family = base.family();
        this.negated = base.negated();
        this.set = set;
        this.ifExists = ifExists;
        this.lowerKey = source.key().toLowerCase(Locale.ROOT);
        int n = source.values().size();
        this.templates = new ValueTemplate[n];
        this.constants = new Object[n];
        boolean allConstant = true;
        for (int i = 0; i < n; i++) {
            templates[i] = ValueTemplate.parse(source.values().get(i), variables);
            if (templates[i].hasVariables()) {
                allConstant = false;
            } else {
                constants[i] = convert(templates[i].constantTokens());
            }
        }
        this.constant = allConstant;
    }

    /**
     * Compiles a condition.
     *
     * @param variables whether policy variables are substituted (Version 2012-10-17)
     * @param where names the policy and statement in an error
     * @throws InvalidInputException for an operator IAM does not know
     */
    public static CompiledCondition compile(Condition c, boolean variables, String where) {
        String op = c.operator();
        SetOp set = SetOp.NONE;
        int colon = op.indexOf(':');
        if (colon >= 0) {
            String qualifier = op.substring(0, colon);
            if (qualifier.equalsIgnoreCase("ForAllValues")) {
                set = SetOp.FOR_ALL;
            } else if (qualifier.equalsIgnoreCase("ForAnyValue")) {
                set = SetOp.FOR_ANY;
            } else {
                throw new InvalidInputException(where + ": unknown condition set operator \"" + qualifier
                        + "\" in \"" + op + "\"; use ForAllValues: or ForAnyValue:");
            }
            op = op.substring(colon + 1);
        }
        boolean ifExists = false;
        if (op.length() > "IfExists".length() && op.regionMatches(true, op.length() - 8, "IfExists", 0, 8)) {
            ifExists = true;
            op = op.substring(0, op.length() - 8);
        }
        for (Base b : OPERATORS) {
            if (b.name().equalsIgnoreCase(op)) {
                if (b.family() == Family.NULL && (ifExists || set != SetOp.NONE)) {
                    break;
                }
                return new CompiledCondition(c, b, set, ifExists, variables);
            }
        }
        throw new InvalidInputException(where + ": unknown condition operator \"" + c.operator()
                + "\"; IAM knows String*, Numeric*, Date*, Bool, BinaryEquals, IpAddress, NotIpAddress, Arn* and Null,"
                + " optionally with IfExists and ForAllValues:/ForAnyValue:");
    }

    public Condition source() {
        return source;
    }

    /** Whether the condition holds for this request. */
    public boolean holds(ContextLookup context) {
        return decide(context, resolved(context)).held();
    }

    /** The outcome with its reason, for explanations. */
    public ConditionResult explain(ContextLookup context) {
        Object[] values = resolved(context);
        Why why = decide(context, values);
        List<String> request = context.get(lowerKey);
        List<String> policy = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (int i = 0; i < templates.length; i++) {
            int[] tokens = templates[i].resolve(context);
            if (tokens == null) {
                unresolved.addAll(templates[i].unresolved(context));
                policy.add(templates[i].source());
            } else {
                policy.add(ValueTemplate.text(tokens));
            }
        }
        return new ConditionResult(source, why, request == null ? List.of() : request, policy, unresolved);
    }

    private Object[] resolved(ContextLookup context) {
        if (constant) {
            return constants;
        }
        Object[] out = new Object[templates.length];
        for (int i = 0; i < templates.length; i++) {
            if (constants[i] != null || !templates[i].hasVariables()) {
                out[i] = constants[i];
            } else {
                int[] tokens = templates[i].resolve(context);
                out[i] = tokens == null ? null : convert(tokens);
            }
        }
        return out;
    }

    private Why decide(ContextLookup context, Object[] values) {
        List<String> request = context.get(lowerKey);
        boolean present = request != null && !request.isEmpty();
        if (family == Family.NULL) {
            for (Object v : values) {
                if (v instanceof Boolean expectMissing && expectMissing == !present) {
                    return Why.NULL_HOLDS;
                }
            }
            return Why.NULL_FAILS;
        }
        switch (set) {
            case FOR_ALL:
                if (!present) {
                    return Why.FOR_ALL_EMPTY_HOLDS;
                }
                for (String r : request) {
                    if (!single(r, values)) {
                        return Why.FOR_ALL_SOME_VALUE_UNMATCHED;
                    }
                }
                return Why.FOR_ALL_EVERY_VALUE_MATCHED;
            case FOR_ANY:
                if (!present) {
                    return ifExists ? Why.MISSING_IF_EXISTS_HOLDS : Why.FOR_ANY_EMPTY_FAILS;
                }
                for (String r : request) {
                    if (single(r, values)) {
                        return Why.FOR_ANY_SOME_VALUE_MATCHED;
                    }
                }
                return Why.FOR_ANY_NO_VALUE_MATCHED;
            default:
                if (!present) {
                    return ifExists ? Why.MISSING_IF_EXISTS_HOLDS
                            : negated ? Why.MISSING_NEGATED_HOLDS : Why.MISSING_FAILS;
                }
                boolean any = false;
                for (String r : request) {
                    if (matchesAny(r, values)) {
                        any = true;
                        break;
                    }
                }
                if (negated) {
                    return any ? Why.NEGATED_SOME_MATCHED : Why.NEGATED_NONE_MATCHED;
                }
                return any ? Why.MATCHED : Why.NOT_MATCHED;
        }
    }

    /** The test for one request value: matches any policy value, or for a negated operator, matches none. */
    private boolean single(String requestValue, Object[] values) {
        boolean any = matchesAny(requestValue, values);
        return negated != any;
    }

    private boolean matchesAny(String requestValue, Object[] values) {
        Object request = null;
        for (Object v : values) {
            if (v == null) {
                continue; // an unresolved policy variable, or a value of the wrong type: matches nothing
            }
            if (request == null) {
                request = parseRequest(requestValue);
                if (request == null) {
                    return false;
                }
            }
            if (test(request, v)) {
                return true;
            }
        }
        return false;
    }

    private Object parseRequest(String r) {
        switch (family) {
            case NUM_EQ: case NUM_LT: case NUM_LE: case NUM_GT: case NUM_GE:
                return number(r);
            case DATE_EQ: case DATE_LT: case DATE_LE: case DATE_GT: case DATE_GE:
                return Dates.parse(r);
            case IP:
                return Cidr.address(r.trim());
            case ARN:
                return ParsedArn.of(r);
            case BINARY:
                return bytes(r);
            default:
                return r;
        }
    }

    private boolean test(Object r, Object p) {
        switch (family) {
            case STRING_EQ:
                return ((String) r).equals(p);
            case STRING_EQ_IC:
                return ((String) r).equalsIgnoreCase((String) p);
            case STRING_LIKE:
                return ((Glob) p).matches((String) r);
            case NUM_EQ:
                return ((BigDecimal) r).compareTo((BigDecimal) p) == 0;
            case NUM_LT:
                return ((BigDecimal) r).compareTo((BigDecimal) p) < 0;
            case NUM_LE:
                return ((BigDecimal) r).compareTo((BigDecimal) p) <= 0;
            case NUM_GT:
                return ((BigDecimal) r).compareTo((BigDecimal) p) > 0;
            case NUM_GE:
                return ((BigDecimal) r).compareTo((BigDecimal) p) >= 0;
            case DATE_EQ:
                return ((Instant) r).equals(p);
            case DATE_LT:
                return ((Instant) r).isBefore((Instant) p);
            case DATE_LE:
                return !((Instant) r).isAfter((Instant) p);
            case DATE_GT:
                return ((Instant) r).isAfter((Instant) p);
            case DATE_GE:
                return !((Instant) r).isBefore((Instant) p);
            case BOOL:
                return ((String) r).equalsIgnoreCase((String) p);
            case BINARY:
                return Arrays.equals((byte[]) r, (byte[]) p);
            case IP:
                return ((Cidr) p).contains((byte[]) r);
            case ARN:
                return ((ArnPattern) p).matches((ParsedArn) r);
            default:
                return false;
        }
    }

    /** Converts a resolved policy value to the family's type; null when it cannot be (it then matches nothing). */
    private Object convert(int[] tokens) {
        switch (family) {
            case STRING_LIKE:
                return Glob.ofTokens(tokens);
            case ARN:
                return ArnPattern.ofTokens(tokens, ValueTemplate.text(tokens));
            default:
                break;
        }
        String text = ValueTemplate.text(tokens);
        switch (family) {
            case NUM_EQ: case NUM_LT: case NUM_LE: case NUM_GT: case NUM_GE:
                return number(text);
            case DATE_EQ: case DATE_LT: case DATE_LE: case DATE_GT: case DATE_GE:
                return Dates.parse(text);
            case IP:
                return Cidr.parse(text);
            case BINARY:
                return bytes(text);
            case BOOL:
                return text.trim().toLowerCase(Locale.ROOT);
            case NULL:
                String t = text.trim();
                return t.equalsIgnoreCase("true") ? Boolean.TRUE : t.equalsIgnoreCase("false") ? Boolean.FALSE : null;
            default:
                return text;
        }
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] bytes(String s) {
        try {
            return Base64.getDecoder().decode(s.trim());
        } catch (IllegalArgumentException e) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public String toString() {
        return source.toString();
    }
}
