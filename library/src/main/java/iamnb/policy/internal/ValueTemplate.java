package iamnb.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Resource or condition value with its policy variables parsed once.
 *
 * <p>Follows IAM policy elements: Variables and tags: a variable is {@code ${key}} and is replaced by the
 * request's value for that context key ("Using variables in policies"); {@code ${key, 'default'}} supplies a
 * default when the key is missing ("Specifying default values": the key name is case-insensitive, the default
 * is case-sensitive, spaces around both are ignored, and two single quotes stand for one); {@code ${*}},
 * {@code ${?}} and {@code ${$}} stand for a literal {@code *}, {@code ?} and {@code $} ("Special characters").
 * Variables are substituted only under Version 2012-10-17 (IAM JSON policy elements: Version); under
 * 2008-10-17 or with no Version the text is taken literally. A variable whose key has no value (and no
 * default) leaves the value unresolved, and an unresolved value matches nothing ("Policy variables with no
 * value"). Only single-valued keys can be variables.
 *
 * <p>Tokens: characters, with {@link Glob#STAR} and {@link Glob#ANY} for the wildcards written in the value.
 */
public final class ValueTemplate {
    private record Var(String key, String lowerKey, String defaultValue) {}

    private final String source;
    private final List<Object> segments; // int[] (tokens) or Var
    private final int[] constant;        // the tokens when there is no variable, else null

    private ValueTemplate(String source, List<Object> segments) {
        this.source = source;
        this.segments = segments;
        if (segments.stream().noneMatch(s -> s instanceof Var)) {
            this.constant = concat(segments, null);
        } else {
            this.constant = null;
        }
    }

    public static ValueTemplate parse(String value, boolean variables) {
        List<Object> segments = new ArrayList<>();
        if (!variables) {
            segments.add(ArnPattern.tokens(value));
            return new ValueTemplate(value, segments);
        }
        List<Integer> toks = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '{') {
                int close = closingBrace(value, i + 2);
                if (close > 0) {
                    String inner = value.substring(i + 2, close);
                    String trimmed = inner.trim();
                    if (trimmed.equals("*") || trimmed.equals("?") || trimmed.equals("$")) {
                        toks.add((int) trimmed.charAt(0)); // escaped: a literal character, never a wildcard
                    } else {
                        flush(toks, segments);
                        segments.add(variable(trimmed));
                    }
                    i = close + 1;
                    continue;
                }
            }
            toks.add(c == '*' ? Glob.STAR : c == '?' ? Glob.ANY : (int) c);
            i++;
        }
        flush(toks, segments);
        return new ValueTemplate(value, segments);
    }

    /** Finds the '}' that closes a variable, skipping quoted default text. */
    private static int closingBrace(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static Var variable(String inner) {
        int comma = inner.indexOf(',');
        if (comma < 0) {
            return new Var(inner, inner.toLowerCase(Locale.ROOT), null);
        }
        String key = inner.substring(0, comma).trim();
        String def = inner.substring(comma + 1).trim();
        if (def.length() >= 2 && def.startsWith("'") && def.endsWith("'")) {
            def = def.substring(1, def.length() - 1).replace("''", "'");
        }
        return new Var(key, key.toLowerCase(Locale.ROOT), def);
    }

    private static void flush(List<Integer> toks, List<Object> segments) {
        if (!toks.isEmpty()) {
            int[] a = new int[toks.size()];
            for (int k = 0; k < a.length; k++) {
                a[k] = toks.get(k);
            }
            segments.add(a);
            toks.clear();
        }
    }

    public boolean hasVariables() {
        return constant == null;
    }

    /** The tokens when the value has no variable. */
    public int[] constantTokens() {
        return constant;
    }

    /** The tokens with every variable replaced, or {@code null} when a variable has no value and no default. */
    public int[] resolve(ContextLookup context) {
        return constant != null ? constant : concat(segments, context);
    }

    /** The variables that could not be resolved against this context, as written (for explanations). */
    public List<String> unresolved(ContextLookup context) {
        List<String> out = new ArrayList<>();
        for (Object s : segments) {
            if (s instanceof Var v && valueOf(v, context) == null) {
                out.add("${" + v.key() + "}");
            }
        }
        return out;
    }

    private static String valueOf(Var v, ContextLookup context) {
        List<String> values = context == null ? null : context.get(v.lowerKey());
        if (values != null && values.size() == 1) {
            return values.get(0);
        }
        return v.defaultValue();
    }

    private static int[] concat(List<Object> segments, ContextLookup context) {
        int length = 0;
        String[] resolved = new String[segments.size()];
        for (int k = 0; k < segments.size(); k++) {
            Object s = segments.get(k);
            if (s instanceof int[] a) {
                length += a.length;
            } else {
                String v = valueOf((Var) s, context);
                if (v == null) {
                    return null;
                }
                resolved[k] = v;
                length += v.length();
            }
        }
        int[] out = new int[length];
        int at = 0;
        for (int k = 0; k < segments.size(); k++) {
            Object s = segments.get(k);
            if (s instanceof int[] a) {
                System.arraycopy(a, 0, out, at, a.length);
                at += a.length;
            } else {
                String v = resolved[k];
                for (int j = 0; j < v.length(); j++) {
                    out[at++] = v.charAt(j);
                }
            }
        }
        return out;
    }

    /** Tokens as plain text, wildcards written as the characters {@code *} and {@code ?} (for equality tests). */
    public static String text(int[] tokens) {
        StringBuilder b = new StringBuilder(tokens.length);
        for (int t : tokens) {
            b.append(t == Glob.STAR ? '*' : t == Glob.ANY ? '?' : (char) t);
        }
        return b.toString();
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
