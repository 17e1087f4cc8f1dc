package iamnb.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Values of a context key that make one condition test hold, or fail: the candidates that "what would allow
 * this" and discovery mode try. They are guesses from the operator and the policy's values (a CIDR's first
 * address, a number just below a limit, a glob with its wildcards filled in); every use re-evaluates the whole
 * request with them, so a wrong guess is simply not shown.
 */
final class ConditionSamples {
    /** A value that equals none of a policy's values (documentation ranges: RFC 5737 for addresses). */
    private static final String OTHER = "other-value";
    private static final String OTHER_ADDRESS = "192.0.2.10";

    private ConditionSamples() {}

    /** A value that makes the test hold. */
    static Optional<String> satisfying(ConditionResult c) {
        return sample(c, true);
    }

    /** A value that makes the test fail. */
    static Optional<String> falsifying(ConditionResult c) {
        return sample(c, false);
    }

    private static Optional<String> sample(ConditionResult c, boolean hold) {
        String op = baseOperator(c.condition().operator());
        List<String> values = c.policyValues();
        if (op.equals("null")) {
            // Null "true" holds when the key is absent, which a value cannot express; Null "false" when present.
            boolean wantsAbsent = !values.isEmpty() && values.get(0).equalsIgnoreCase("true");
            return wantsAbsent != hold ? Optional.of("true") : Optional.empty();
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        boolean negated = op.contains("not");
        boolean wantMatch = hold != negated; // a negated test holds when nothing matches
        String v = values.get(0);
        if (op.startsWith("bool")) {
            return Optional.of(wantMatch ? v : String.valueOf(!Boolean.parseBoolean(v)));
        }
        if (op.startsWith("ipaddress") || op.startsWith("notipaddress")) {
            return Optional.of(wantMatch ? firstAddress(v) : OTHER_ADDRESS);
        }
        if (op.startsWith("numeric")) {
            return numeric(op, v, hold);
        }
        if (op.startsWith("date")) {
            return date(op, v, hold);
        }
        if (!wantMatch) {
            return Optional.of(op.startsWith("arn") ? "arn:aws:iam::000000000000:role/" + OTHER : OTHER);
        }
        return Optional.of(op.contains("like") || op.startsWith("arn") ? fillWildcards(v) : v);
    }

    /** "StringEqualsIfExists", "ForAnyValue:StringLike" → "stringequals", "stringlike". */
    static String baseOperator(String operator) {
        String op = operator.toLowerCase(Locale.ROOT);
        int colon = op.indexOf(':');
        if (colon >= 0) {
            op = op.substring(colon + 1);
        }
        return op.endsWith("ifexists") ? op.substring(0, op.length() - "ifexists".length()) : op;
    }

    private static String fillWildcards(String pattern) {
        return pattern.replace("*", "example").replace("?", "x");
    }

    private static String firstAddress(String cidr) {
        int slash = cidr.indexOf('/');
        return slash < 0 ? cidr : cidr.substring(0, slash);
    }

    private static Optional<String> numeric(String op, String v, boolean hold) {
        BigDecimal n;
        try {
            n = new BigDecimal(v);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        boolean below = op.contains("lessthan");
        boolean above = op.contains("greaterthan");
        boolean equalsOk = op.endsWith("equals") && !op.contains("not");
        BigDecimal inside = below ? n.subtract(BigDecimal.ONE) : above ? n.add(BigDecimal.ONE) : n;
        BigDecimal outside = below ? n.add(BigDecimal.ONE) : above ? n.subtract(BigDecimal.ONE) : n.add(BigDecimal.ONE);
        if (op.equals("numericnotequals")) {
            return Optional.of((hold ? outside : n).toPlainString());
        }
        if (equalsOk && !below && !above) {
            return Optional.of((hold ? n : outside).toPlainString());
        }
        return Optional.of((hold ? inside : outside).toPlainString());
    }

    private static Optional<String> date(String op, String v, boolean hold) {
        Instant t;
        try {
            t = Instant.parse(v);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        boolean before = op.contains("lessthan");
        boolean after = op.contains("greaterthan");
        Instant inside = before ? t.minusSeconds(1) : after ? t.plusSeconds(1) : t;
        Instant outside = before ? t.plusSeconds(1) : after ? t.minusSeconds(1) : t.plusSeconds(1);
        if (op.equals("datenotequals")) {
            return Optional.of((hold ? outside : t).toString());
        }
        return Optional.of((hold ? inside : outside).toString());
    }
}
