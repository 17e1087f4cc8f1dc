package iamnb.kernel.eval;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * Forgets the compiled class files of snippets the kernel dropped, so that a long session does not make every
 * later compilation slower.
 *
 * <p>Why: JShell keeps every class it ever compiled in its in-memory file manager ({@code MemoryFileManager}'s
 * {@code classObjects}) and never removes one. javac lists that package ({@code REPL}) in each of the ~3 tasks of
 * every snippet, enters a symbol for every class in it, and JShell then walks the whole symbol table to purge
 * them: a cost that grows with every class. The temporaries of a cell's value ({@code $12}) are most of those
 * classes in a notebook, and the kernel drops each one as soon as it has shown its value.
 *
 * <p>Why it is safe: a dropped snippet is never compiled again, and no other snippet imports it; its class is
 * already loaded where it runs (the execution engine keeps its own copy of the bytes, so a nested class loaded
 * later still loads). Only the compiler's copy is forgotten.
 *
 * <p>How: JShell offers no way, so this reaches {@code JShell.taskFactory.fileManager.classObjects} by
 * reflection ({@code jdk.jshell} is opened to the kernel by its jar's manifest, as {@link JavadocSources} needs),
 * under the lock JShell's own compilations hold. Where that fails (another JDK's internals, another launcher),
 * nothing is forgotten and JShell works as it always did; the log says so once.
 */
final class DroppedClassFiles {
    private static final System.Logger LOG = System.getLogger("iamnb.kernel.eval");

    private final Object lock;
    private final Map<String, ?> classFiles;
    private final Method classFullName;

    private DroppedClassFiles(Object lock, Map<String, ?> classFiles, Method classFullName) {
        this.lock = lock;
        this.classFiles = classFiles;
        this.classFullName = classFullName;
    }

    /** The class files of {@code jshell}'s compiler; inert when its internals cannot be reached. */
    static DroppedClassFiles of(JShell jshell) {
        try {
            Field taskFactoryField = JShell.class.getDeclaredField("taskFactory");
            taskFactoryField.setAccessible(true);
            Object taskFactory = taskFactoryField.get(jshell);
            Field fileManagerField = taskFactory.getClass().getDeclaredField("fileManager");
            fileManagerField.setAccessible(true);
            Object fileManager = fileManagerField.get(taskFactory);
            Field classObjectsField = fileManager.getClass().getDeclaredField("classObjects");
            classObjectsField.setAccessible(true);
            Method classFullName = Snippet.class.getDeclaredMethod("classFullName");
            classFullName.setAccessible(true);
            return new DroppedClassFiles(taskFactory, (Map<String, ?>) classObjectsField.get(fileManager),
                    classFullName);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "JShell keeps the class files of dropped snippets (" + e
                    + "); long sessions compile a little slower");
            return new DroppedClassFiles(new Object(), null, null);
        }
    }

    /** Forgets the class files of {@code dropped} (its wrapper class and the classes nested in it). */
    void forget(Snippet dropped) {
        if (classFiles == null || dropped.kind() == null) {
            return;
        }
        try {
            String name = (String) classFullName.invoke(dropped);
            if (name == null || name.isEmpty()) {
                return;
            }
            // TaskFactory.runTask is synchronized on the task factory: no compilation reads the map meanwhile.
            synchronized (lock) {
                classFiles.keySet().removeIf(key -> key.equals(name) || key.startsWith(name + "$"));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot forget the class files of " + dropped.id() + ": " + e);
        }
    }

    /** How many class files JShell's compiler holds (-1 when unknown), for tests and benchmarks. */
    int retained() {
        if (classFiles == null) {
            return -1;
        }
        synchronized (lock) {
            return classFiles.size();
        }
    }
}
