package iamnb.policy.internal;

/**
 * A wildcard pattern compiled once: {@code *} matches any run of characters (also none), {@code ?} exactly one.
 *
 * <p>The pattern is kept as an array of tokens: a character code, or {@link #STAR} / {@link #ANY} for the two
 * wildcards. Keeping wildcards out of band is what lets the escapes {@code ${*}} and {@code ${?}} stand for a
 * literal star or question mark (IAM policy elements: Variables and tags › "Special characters").
 *
 * <p>No regular expression is built, ever: matching is the classic linear scan with one back-tracking point,
 * and the common shapes (everything, a literal, a literal prefix followed by one star) take a shortcut.
 */
public final class Glob {
    public static final int STAR = -1;
    public static final int ANY = -2;

    private enum Shape { EVERYTHING, LITERAL, PREFIX, GENERAL }

    private static final Glob EVERYTHING = new Glob(new int[] {STAR});

    private final int[] tokens;
    private final Shape shape;
    /** The literal text (LITERAL) or the prefix before the single trailing star (PREFIX). */
    private final String text;

    private Glob(int[] tokens) {
        this.tokens = tokens;
        int stars = 0;
        int anys = 0;
        for (int t : tokens) {
            if (t == STAR) {
                stars++;
            } else if (t == ANY) {
                anys++;
            }
        }
        if (anys == 0 && stars == 0) {
            shape = Shape.LITERAL;
            text = text(tokens, tokens.length);
        } else if (anys == 0 && stars == 1 && tokens[tokens.length - 1] == STAR) {
            shape = tokens.length == 1 ? Shape.EVERYTHING : Shape.PREFIX;
            text = text(tokens, tokens.length - 1);
        } else {
            shape = Shape.GENERAL;
            text = null;
        }
    }

    /** Compiles a pattern where every {@code *} and {@code ?} is a wildcard. */
    public static Glob compile(String pattern) {
        if ("*".equals(pattern)) {
            return EVERYTHING;
        }
        int[] t = new int[pattern.length()];
        for (int i = 0; i < t.length; i++) {
            char c = pattern.charAt(i);
            t[i] = c == '*' ? STAR : c == '?' ? ANY : c;
        }
        return new Glob(t);
    }

    /** A pattern that matches exactly this text: stars and question marks are literal. */
    public static Glob literal(String text) {
        int[] t = new int[text.length()];
        for (int i = 0; i < t.length; i++) {
            t[i] = text.charAt(i);
        }
        return new Glob(t);
    }

    /** Builds a pattern from tokens (characters, {@link #STAR}, {@link #ANY}). */
    public static Glob ofTokens(int[] tokens) {
        return new Glob(tokens.clone());
    }

    public static Glob everything() {
        return EVERYTHING;
    }

    public boolean matchesEverything() {
        return shape == Shape.EVERYTHING;
    }

    public boolean isLiteral() {
        return shape == Shape.LITERAL;
    }

    public boolean matches(String s) {
        return matches(s, 0, s.length());
    }

    /** Whether {@code s[from, to)} matches the whole pattern. */
    public boolean matches(String s, int from, int to) {
        switch (shape) {
            case EVERYTHING:
                return true;
            case LITERAL:
                return to - from == text.length() && s.startsWith(text, from);
            case PREFIX:
                return to - from >= text.length() && s.startsWith(text, from);
            default:
                return general(s, from, to);
        }
    }

    private boolean general(String s, int from, int to) {
        final int[] p = tokens;
        final int n = p.length;
        int si = from;
        int pi = 0;
        int star = -1;
        int mark = 0;
        while (si < to) {
            if (pi < n && (p[pi] == ANY || p[pi] == s.charAt(si))) {
                si++;
                pi++;
            } else if (pi < n && p[pi] == STAR) {
                star = pi++;
                mark = si;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < n && p[pi] == STAR) {
            pi++;
        }
        return pi == n;
    }

    /** Tokens of this pattern (a copy). */
    public int[] tokens() {
        return tokens.clone();
    }

    private static String text(int[] tokens, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append((char) tokens[i]);
        }
        return b.toString();
    }

    /** The pattern as written, with literal wildcards shown as {@code ${*}} / {@code ${?}}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(tokens.length);
        for (int t : tokens) {
            if (t == STAR) {
                b.append('*');
            } else if (t == ANY) {
                b.append('?');
            } else if (t == '*' || t == '?') {
                b.append("${").append((char) t).append('}');
            } else {
                b.append((char) t);
            }
        }
        return b.toString();
    }
}
