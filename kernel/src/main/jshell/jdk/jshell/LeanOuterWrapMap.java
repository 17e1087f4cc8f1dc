package jdk.jshell;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Part of the iamnb kernel, not of the JDK: defined at run time into JShell's own package by
 * {@code iamnb.kernel.eval.LeanWrapping}, which puts one in place of the JShell instance's {@code outerMap}.
 *
 * <p>JShell compiles every declaration as a class of package {@code REPL} whose source begins with one
 * {@code import static REPL.$JShell$N.name;} per declaration defined so far. Each of the ~3 compilations of each
 * snippet then parses, enters and resolves them all, and JShell keeps every wrapped source it ever made: cell
 * time and memory grow with the session's length (time linearly, memory with its square). This map writes
 * only the imports of declarations the wrapped code names, which is exactly what javac could use: a
 * single-name import makes one simple name visible, and code can only use it by writing that name.
 *
 * <p>How: the super class builds the import lines from everything defined except a set of keys it is given;
 * this class widens that set with the keys of declarations whose names (for a variable, also the names of the
 * anonymous classes its type refers to, which its import line brings in too) do not occur as identifiers in the
 * wrapped code, and leaves everything else to the super class (class names, its index of wraps). The user's
 * and the preload's imports are never left out. Code with Unicode escapes (javac reads {@code \u0061} as an
 * {@code a}) is wrapped as JShell always did. Trial wraps are lean while the kernel evaluates
 * ({@link #evaluating}), complete for code completion.
 *
 * <p>Written against JShell's package-private API, the same in JDK 17 and 25 (checked with {@code javap}); if
 * it changes, defining this class fails and the kernel compiles as JShell always did.
 */
final class LeanOuterWrapMap extends OuterWrapMap {
    private final JShell state;
    /** True on a thread while the kernel evaluates or drops snippets (not while it completes code). */
    private final ThreadLocal<Boolean> evaluating = ThreadLocal.withInitial(() -> false);
    private long importsLeftOut;

    LeanOuterWrapMap(JShell state) {
        super(state);
        this.state = state;
    }

    /**
     * Called by the kernel around JShell's eval and drop: the trial wraps JShell makes meanwhile (to learn a
     * snippet's kind or an expression's type) are lean too. Completion's are not: partial code cannot say which
     * names it will use ({@code coun} must still find {@code counter}).
     */
    void evaluating(boolean on) {
        evaluating.set(on);
    }

    /** How many import lines this map has left out so far (tests and benchmarks read it reflectively). */
    long importsLeftOut() {
        return importsLeftOut;
    }

    @Override
    OuterWrap wrapInClass(Set<Key> except, Collection<Snippet> plus, List<Snippet> snippets, List<Wrap> wraps) {
        Set<String> named = identifiers(wraps);
        if (named == null) {
            return super.wrapInClass(except, plus, snippets, wraps);
        }
        List<Snippet> plusNeeded = plus == null ? null
                : plus.stream().filter(snippet -> needed(snippet, named)).toList();
        if (plus != null) {
            importsLeftOut += plus.size() - plusNeeded.size();
        }
        return super.wrapInClass(keysLeftOut(except, named), plusNeeded, snippets, wraps);
    }

    @Override
    OuterWrap wrapInTrialClass(Wrap wrap) {
        Set<String> named = evaluating.get() ? identifiers(List.of(wrap)) : null;
        if (named == null) {
            return super.wrapInTrialClass(wrap);
        }
        // As the super class does, with the imports chosen as above.
        String imports = state.maps.packageAndImportsExcept(keysLeftOut(null, named), null);
        return new OuterWrap(new Wrap.CompoundWrap(
                imports + "\n" + "class " + Util.REPL_DOESNOTMATTER_CLASS_NAME + " {\n", wrap, "}\n"));
    }

    /**
     * The keys whose import lines to leave out: {@code except}, and every declaration the code does not name.
     * The super class only asks {@code contains} of it, once per defined snippet.
     */
    private Set<Key> keysLeftOut(Set<Key> except, Set<String> named) {
        return new AbstractSet<>() {
            @Override
            public boolean contains(Object key) {
                if (except != null && except.contains(key)) {
                    return true;
                }
                Snippet snippet = key instanceof Key k ? state.maps.getSnippetDeadOrAlive(k.index()) : null;
                if (snippet == null || needed(snippet, named)) {
                    return false;
                }
                importsLeftOut++;
                return true;
            }

            @Override
            public Iterator<Key> iterator() {
                throw new UnsupportedOperationException("only contains() is asked of the keys to leave out");
            }

            @Override
            public int size() {
                throw new UnsupportedOperationException("only contains() is asked of the keys to leave out");
            }
        };
    }

    /** Whether the wrapped code may use this snippet's import line: always, unless it is a declaration's. */
    private static boolean needed(Snippet snippet, Set<String> named) {
        if (!(snippet instanceof DeclarationSnippet) || snippet.name() == null || named.contains(snippet.name())) {
            return true;
        }
        if (snippet instanceof VarSnippet variable) {
            for (String anonymous : variable.anonymousClasses) {
                if (named.contains(anonymous)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every identifier-like token of the wrapped code (a superset of its names), or null when unsure. */
    static Set<String> identifiers(List<Wrap> wraps) {
        Set<String> names = new HashSet<>();
        for (Wrap wrap : wraps) {
            String code = wrap.wrapped();
            if (code.contains("\\u")) {
                return null; // javac reads Unicode escapes before it reads names
            }
            int at = 0;
            while (at < code.length()) {
                int c = code.codePointAt(at);
                if (Character.isJavaIdentifierStart(c)) {
                    int start = at;
                    at += Character.charCount(c);
                    while (at < code.length() && Character.isJavaIdentifierPart(code.codePointAt(at))) {
                        at += Character.charCount(code.codePointAt(at));
                    }
                    names.add(code.substring(start, at));
                } else {
                    at += Character.charCount(c);
                }
            }
        }
        return names;
    }
}
