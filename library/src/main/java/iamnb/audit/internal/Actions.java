package iamnb.audit.internal;

import iamnb.model.Statement;
import java.util.List;
import java.util.Locale;

/** Action and resource patterns as IAM matches them: case-insensitive actions, {@code *} and {@code ?}. Not API. */
public final class Actions {
    private Actions() {}

    /** Whether an IAM glob ({@code iam:*}, {@code s3:Get*}, {@code *}) matches a concrete value. */
    public static boolean glob(String pattern, String value, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        return match(p, 0, v, 0);
    }

    private static boolean match(String p, int i, String v, int j) {
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '*') {
                for (int k = j; k <= v.length(); k++) {
                    if (match(p, i + 1, v, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (j >= v.length() || (c != '?' && c != v.charAt(j))) {
                return false;
            }
            i++;
            j++;
        }
        return j == v.length();
    }

    /** Whether the statement's Action (or NotAction) covers the action. */
    public static boolean covers(Statement s, String action) {
        boolean any = s.actions().stream().anyMatch(a -> glob(a, action, true));
        return s.notAction() != any;
    }

    /** Whether the statement's Resource covers every resource ({@code *}, or a NotResource). */
    public static boolean onEveryResource(Statement s) {
        return s.notResource() || s.resources().contains("*") || !s.hasResourceElement();
    }

    public static boolean isFullWildcard(List<String> actions) {
        return actions.stream().anyMatch(a -> a.equals("*") || a.equals("*:*"));
    }
}
