package iamnb.kernel.eval;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import jdk.jshell.JShell;

/**
 * Puts a {@link ReplClassIndex} in place of the class table of every javac context JShell's compiler reuses, so
 * that JShell's purge after each javac task walks only the snippet classes (why, and why it is safe: there).
 *
 * <p>How: JShell and javac offer no way, so this reaches {@code JShell.taskFactory.javacTaskPool}'s contexts and
 * each one's {@code Symtab.classes} by reflection (the kernel jar's manifest opens {@code jdk.jshell} and javac's
 * {@code api} and {@code code} packages to the kernel), under the lock JShell's compilations hold, between cells.
 * A context the pool makes later (it rarely does) gets its index before the next cell. Where the internals cannot
 * be reached, or with {@code -Diamnb.replClassIndex=off}, nothing changes and the log says so once.
 */
final class ReplClassIndexes {
    private static final System.Logger LOG = System.getLogger("iamnb.kernel.eval");

    /** JShell's TaskFactory: the lock its compilations hold, and the owner of the task pool. */
    private final Object taskFactory;
    private final Field poolField;
    private final Field contextsField;
    private final Method symtabOf;
    private final Field classesField;

    private ReplClassIndexes(Object taskFactory, Field poolField, Field contextsField, Method symtabOf,
            Field classesField) {
        this.taskFactory = taskFactory;
        this.poolField = poolField;
        this.contextsField = contextsField;
        this.symtabOf = symtabOf;
        this.classesField = classesField;
    }

    /** The class tables of {@code jshell}'s compiler; inert when they cannot be reached. */
    static ReplClassIndexes of(JShell jshell) {
        if ("off".equals(System.getProperty("iamnb.replClassIndex"))) {
            return new ReplClassIndexes(null, null, null, null, null);
        }
        try {
            Object taskFactory = field(JShell.class, "taskFactory").get(jshell);
            Field poolField = field(taskFactory.getClass(), "javacTaskPool");
            Field contextsField = field(poolField.getType(), "options2Contexts");
            Class<?> symtab = Class.forName("com.sun.tools.javac.code.Symtab");
            Method instance = symtab.getMethod("instance", Class.forName("com.sun.tools.javac.util.Context"));
            return new ReplClassIndexes(taskFactory, poolField, contextsField, instance, field(symtab, "classes"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "javac's class tables are not reachable (" + e
                    + "); each compilation walks all of them");
            return new ReplClassIndexes(null, null, null, null, null);
        }
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /**
     * The pooled contexts, by their options. Read anew each time: JShell replaces its task pool when the class
     * path grows ({@code %maven}, {@code %classpath}), and the old one must not be kept alive from here.
     */
    @SuppressWarnings("unchecked")
    private Map<?, ? extends Collection<?>> contextsByOptions() throws IllegalAccessException {
        return (Map<?, ? extends Collection<?>>) contextsField.get(poolField.get(taskFactory));
    }

    /** Indexes the tables of contexts that have none yet; call between cells. */
    void install() {
        if (taskFactory == null) {
            return;
        }
        // TaskFactory.runTask is synchronized on the task factory: no compilation uses a context meanwhile.
        synchronized (taskFactory) {
            try {
                for (Collection<?> contexts : contextsByOptions().values()) {
                    for (Object context : contexts) {
                        Object symtab = symtabOf.invoke(null, context);
                        Object classes = classesField.get(symtab);
                        if (!(classes instanceof ReplClassIndex)) {
                            classesField.set(symtab, new ReplClassIndex((Map<?, ?>) classes));
                        }
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot index javac's class tables: " + e);
            }
        }
    }

    /** How many contexts have an index, and how many {@code REPL} entries they hold: for tests; null if inert. */
    int[] indexedContextsAndEntries() {
        if (taskFactory == null) {
            return null;
        }
        synchronized (taskFactory) {
            int[] counts = new int[2];
            try {
                for (Collection<?> contexts : contextsByOptions().values()) {
                    for (Object context : contexts) {
                        if (classesField.get(symtabOf.invoke(null, context)) instanceof ReplClassIndex index) {
                            counts[0]++;
                            counts[1] += index.replEntries();
                        }
                    }
                }
            } catch (ReflectiveOperationException e) {
                return null;
            }
            return counts;
        }
    }
}
