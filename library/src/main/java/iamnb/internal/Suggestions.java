package iamnb.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" for names a user mistyped, the one implementation shared by the library (users, roles,
 * principals, policies) and the kernel (magics): the closest few candidates by edit distance, a candidate that
 * contains the typed text (or is contained in it) counting as distance at most 1. Not API for notebooks.
 */
public final class Suggestions {
    private Suggestions() {}

    /** At most {@code limit} candidates close to {@code wanted}, closest first, ties in name order. */
    public static List<String> closest(String wanted, Collection<String> candidates, int limit) {
        String w = wanted.toLowerCase(Locale.ROOT);
        int tolerance = Math.max(2, w.length() / 3);
        record Scored(String name, int score) {}
        return candidates.stream()
                .map(c -> {
                    String lc = c.toLowerCase(Locale.ROOT);
                    int d = distance(w, lc);
                    boolean contains = !w.isEmpty() && (lc.contains(w) || w.contains(lc));
                    return new Scored(c, contains ? Math.min(d, 1) : d);
                })
                .filter(s -> s.score() <= tolerance)
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .limit(limit)
                .map(Scored::name)
                .toList();
    }

    /** Levenshtein distance, two rows. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** A sentence fragment: {@code ; did you mean "a", "b"?} or {@code ; the account has none like it}. */
    public static String hint(String wanted, Collection<String> candidates) {
        List<String> close = closest(wanted, candidates, 5);
        if (close.isEmpty()) {
            return candidates.isEmpty() ? "; the account has none" : "; no similar name among " + candidates.size();
        }
        return "; did you mean " + String.join(", ", close.stream().map(c -> "\"" + c + "\"").toList()) + "?";
    }
}
