package iamnb.policy.internal;

import java.util.Arrays;

/**
 * A {@code Resource}/{@code NotResource} value or an {@code Arn*} condition value, compiled once.
 *
 * <p>ARNs are compared part by part: partition, service, region, account and the resource part (IAM JSON
 * policy elements: Resource › "Using wildcards in resource ARNs": wildcards are used "within the individual
 * segments of an ARN (the parts separated by colons)"; Condition operators › "Amazon Resource Name (ARN)
 * condition operators": "each of the six colon-delimited components of the ARN is checked separately").
 * The resource part is everything after the fifth colon, so its own colons are ordinary characters. The
 * Resource page adds: "If the * wildcard is the last character of a resource ARN segment, it can expand to
 * match beyond the colon boundaries" — so {@code arn:aws:iam::*} still matches every IAM ARN.
 *
 * <p>A value that does not start with {@code arn:} (the bare {@code *}, or free text) is one glob over the
 * whole string.
 */
public final class ArnPattern {
    private static final int PARTS = 6;

    private final Glob whole;      // non-ARN pattern, or null
    private final Glob[] parts;    // ARN pattern parts, the last one possibly absorbing the rest
    private final boolean tailAbsorbs;
    private final String source;

    private ArnPattern(Glob whole, Glob[] parts, boolean tailAbsorbs, String source) {
        this.whole = whole;
        this.parts = parts;
        this.tailAbsorbs = tailAbsorbs;
        this.source = source;
    }

    public static ArnPattern compile(String pattern) {
        return ofTokens(tokens(pattern), pattern);
    }

    /** Builds a pattern from glob tokens (characters, {@link Glob#STAR}, {@link Glob#ANY}). */
    public static ArnPattern ofTokens(int[] t, String source) {
        if (!startsWithArn(t)) {
            return new ArnPattern(Glob.ofTokens(t), null, false, source);
        }
        Glob[] parts = new Glob[PARTS];
        int count = 0;
        int start = 0;
        for (int i = 0; i < t.length && count < PARTS - 1; i++) {
            if (t[i] == ':') {
                parts[count++] = Glob.ofTokens(Arrays.copyOfRange(t, start, i));
                start = i + 1;
            }
        }
        parts[count++] = Glob.ofTokens(Arrays.copyOfRange(t, start, t.length));
        Glob[] used = Arrays.copyOf(parts, count);
        boolean absorbs = count < PARTS && t.length > 0 && t[t.length - 1] == Glob.STAR;
        return new ArnPattern(null, used, absorbs, source);
    }

    private static boolean startsWithArn(int[] t) {
        return t.length >= 4 && t[0] == 'a' && t[1] == 'r' && t[2] == 'n' && t[3] == ':';
    }

    static int[] tokens(String pattern) {
        int[] t = new int[pattern.length()];
        for (int i = 0; i < t.length; i++) {
            char c = pattern.charAt(i);
            t[i] = c == '*' ? Glob.STAR : c == '?' ? Glob.ANY : c;
        }
        return t;
    }

    public boolean matchesEverything() {
        return whole != null && whole.matchesEverything();
    }

    /** Whether the parsed ARN (or non-ARN text) matches. */
    public boolean matches(ParsedArn arn) {
        if (whole != null) {
            return whole.matches(arn.text());
        }
        if (!arn.isArn()) {
            return false;
        }
        String s = arn.text();
        int last = parts.length - 1;
        for (int i = 0; i < last; i++) {
            if (!parts[i].matches(s, arn.start(i), arn.end(i))) {
                return false;
            }
        }
        if (tailAbsorbs) {
            return parts[last].matches(s, arn.start(last), s.length());
        }
        if (parts.length != PARTS) {
            return false;
        }
        return parts[last].matches(s, arn.start(last), arn.end(last));
    }

    @Override
    public String toString() {
        return source;
    }
}
