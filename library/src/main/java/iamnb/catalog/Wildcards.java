package iamnb.catalog;

import java.util.Locale;

/**
 * Wildcard patterns as IAM reads them in {@code Action}, {@code Resource} and condition key names: {@code *}
 * matches any run of characters (also none), {@code ?} exactly one. Actions are compared without regard to case,
 * ARNs with it.
 *
 * <p>Besides plain matching, the lint needs to compare two patterns: whether some text fits both
 * ({@link #overlap}: a policy's {@code arn:aws:s3:::logs/*} and the reference's
 * {@code arn:${Partition}:s3:::${BucketName}/${ObjectName}}) and whether every text one fits the other fits too
 * ({@link #covers}: {@code s3:*} covers {@code s3:Get*}). In both, a variable written {@code ${...}} or
 * {@code <...>} (the reference's placeholders, a policy's {@code ${aws:username}}) stands for any text.
 *
 * <p>This is the same matching as the policy engine's {@code iamnb.policy.internal.Glob}, which a leaf package
 * cannot reach; a test checks the two agree.
 */
public final class Wildcards {
    private static final int STAR = -1;
    private static final int ANY = -2;

    private Wildcards() {}

    /** Whether {@code text} fits {@code pattern}, ignoring case: the policy engine's action match. */
    public static boolean matchesIgnoringCase(String pattern, String text) {
        return overlap(tokens(pattern, true, false), literal(text, true));
    }

    /**
     * Whether some text fits both patterns; {@code ${...}} and {@code <...>} in either stand for any text.
     *
     * @param ignoreCase compare letters without regard to case (actions, condition keys), or exactly (ARNs)
     */
    public static boolean overlap(String a, String b, boolean ignoreCase) {
        return overlap(tokens(a, ignoreCase, true), tokens(b, ignoreCase, true));
    }

    /**
     * Whether every text that fits {@code specific} fits {@code general} too: {@code s3:*} covers
     * {@code s3:Get*}, {@code s3:Get?bject} does not cover {@code s3:Get*}.
     */
    public static boolean covers(String general, String specific, boolean ignoreCase) {
        int[] g = tokens(general, ignoreCase, true);
        int[] s = tokens(specific, ignoreCase, true);
        // reach[i][j]: general[0, i) can stand for specific[0, j).
        boolean[][] reach = new boolean[g.length + 1][s.length + 1];
        reach[0][0] = true;
        for (int i = 0; i <= g.length; i++) {
            for (int j = 0; j <= s.length; j++) {
                if (!reach[i][j]) {
                    continue;
                }
                if (i < g.length && g[i] == STAR) {
                    reach[i + 1][j] = true; // the star stands for nothing more
                    if (j < s.length) {
                        reach[i][j + 1] = true; // the star absorbs any token, a star included
                    }
                } else if (i < g.length && j < s.length && s[j] != STAR
                        && (g[i] == s[j] || g[i] == ANY)) {
                    reach[i + 1][j + 1] = true; // ? stands for one character or one ?; a letter for itself
                }
            }
        }
        return reach[g.length][s.length];
    }

    /**
     * Whether a key as written in a policy is the reference's key {@code name}: equal ignoring case, or one of its
     * family when the name has a placeholder ({@code aws:ResourceTag/${TagKey}} and {@code aws:ResourceTag/team}).
     */
    public static boolean sameKey(String name, String key) {
        boolean template = name.contains("${") || name.contains("<");
        return template ? overlap(name, key, true) : name.equalsIgnoreCase(key);
    }

    private static boolean overlap(int[] a, int[] b) {
        // reach[i][j]: some text takes a to a[i] and b to b[j] at the same time (the product of the two automata).
        boolean[][] reach = new boolean[a.length + 1][b.length + 1];
        reach[0][0] = true;
        for (int i = 0; i <= a.length; i++) {
            for (int j = 0; j <= b.length; j++) {
                if (!reach[i][j]) {
                    continue;
                }
                boolean aStar = i < a.length && a[i] == STAR;
                boolean bStar = j < b.length && b[j] == STAR;
                if (aStar) {
                    reach[i + 1][j] = true;
                    if (j < b.length) {
                        reach[i][j + 1] = true;
                    }
                }
                if (bStar) {
                    reach[i][j + 1] = true;
                    if (i < a.length) {
                        reach[i + 1][j] = true;
                    }
                }
                if (!aStar && !bStar && i < a.length && j < b.length
                        && (a[i] == b[j] || a[i] == ANY || b[j] == ANY)) {
                    reach[i + 1][j + 1] = true;
                }
            }
        }
        return reach[a.length][b.length];
    }

    private static int[] literal(String text, boolean ignoreCase) {
        String t = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
        return t.chars().toArray();
    }

    private static int[] tokens(String pattern, boolean ignoreCase, boolean variables) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        int[] out = new int[p.length()];
        int n = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            int close = !variables ? -1
                    : c == '$' && i + 1 < p.length() && p.charAt(i + 1) == '{' ? p.indexOf('}', i)
                    : c == '<' ? p.indexOf('>', i)
                    : -1;
            if (close > 0) {
                out[n++] = STAR;
                i = close;
            } else {
                out[n++] = c == '*' ? STAR : c == '?' ? ANY : c;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
