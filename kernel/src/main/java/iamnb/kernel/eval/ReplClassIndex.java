package iamnb.kernel.eval;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * javac's table of known classes ({@code Symtab.classes}: flat name → module → class symbol) that also keeps an
 * index of the entries of package {@code REPL}, and hands only those out as its {@link #values()}.
 *
 * <p>Why: after every javac task JShell purges the snippet classes from the reused javac context by walking
 * {@code Symtab.getAllClasses()}, i.e. this map's values: every class javac ever entered in that context (the
 * JDK's and the preloaded library's, thousands), to find the few in {@code REPL}. That walk was a third of a
 * trivial cell's CPU (JFR, kernel/bench/kernel_bench.py) and more than half of it once a session holds
 * thousands of declarations.
 *
 * <p>Why it is safe: javac uses this map through {@code getOrDefault} and {@code computeIfAbsent}, which behave
 * as a plain {@link HashMap}'s, and through {@code values()} only in {@code Symtab.getAllClasses()}, whose callers
 * are JShell's purge and annotation processing (JDK 17 and 25, checked in their class files); JShell runs every
 * task with {@code -proc:none}. The purge removes the classes of package {@code REPL}, all of whose flat names
 * start with {@code REPL.}, so it finds every one of them in the index. Like javac's own table, it keeps the
 * entries a purge emptied (one per snippet class name ever compiled, ~100 bytes each), so that the next task,
 * which lists and enters every live snippet class again, finds its entry instead of making it anew.
 */
final class ReplClassIndex extends HashMap<Object, Object> {
    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "REPL.";
    /** The entries whose flat name starts with {@code REPL.}: the same inner maps as the table's. */
    private final transient Map<Object, Object> repl = new HashMap<>();

    /** The table holding {@code classes}' entries, with its {@code REPL} ones indexed. */
    ReplClassIndex(Map<?, ?> classes) {
        super(Math.max(16, classes.size() * 2));
        putAll(classes);
        for (Map.Entry<?, ?> entry : classes.entrySet()) {
            if (isRepl(entry.getKey())) {
                repl.put(entry.getKey(), entry.getValue());
            }
        }
    }

    @Override
    public Object computeIfAbsent(Object flatName, Function<? super Object, ?> makeEntry) {
        Object existing = get(flatName);
        if (existing != null) {
            return existing; // the common case: javac enters the same REPL classes in every task
        }
        Object entry = super.computeIfAbsent(flatName, makeEntry);
        if (isRepl(flatName)) {
            repl.put(flatName, entry);
        }
        return entry;
    }

    /** Only the {@code REPL} entries (see the class comment); those a purge emptied yield no class. */
    @Override
    public Collection<Object> values() {
        return Collections.unmodifiableCollection(repl.values());
    }

    /** How many entries of package {@code REPL} are indexed (for tests). */
    int replEntries() {
        return repl.size();
    }

    private static boolean isRepl(Object flatName) {
        return flatName != null && flatName.toString().startsWith(PREFIX); // javac 17's Name.charAt decodes anyway
    }
}
