package iamnb.kernel.eval;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.function.Supplier;
import jdk.jshell.JShell;

/**
 * Keeps a long session fast and small: each snippet is wrapped with the imports of only the earlier declarations
 * its code names, instead of one import per declaration defined so far.
 *
 * <p>Why: JShell compiles every declaration as a class of package {@code REPL} whose source starts with
 * {@code import static REPL.$JShell$N.name;} for every declaration defined so far, and keeps every wrapped
 * source it ever made. Each of the ~3 javac tasks of each snippet parses, enters and resolves them all: 600
 * cells into a session a cell cost 2-4x an early one, and the kept sources grew with the square of the
 * session's length (~90 MB at 600 cells; kernel/bench/heap_growth.py).
 *
 * <p>How: JShell has no option for it, so the kernel defines a class of its own, {@code jdk.jshell.LeanOuterWrapMap}
 * (source in {@code src/main/jshell}, compiled as a patch of module {@code jdk.jshell}, shipped under
 * {@code META-INF/iamnb-jshell-patch}), into JShell's package through a private lookup ({@code jdk.jshell} is
 * opened to the kernel by its jar's manifest), and puts an instance in place of the JShell's {@code outerMap},
 * the one object that writes wrappers. Its class comment says why leaving the imports out is safe. The kernel
 * runs JShell's eval and drop through {@link #during}, so that the trial wraps JShell makes meanwhile are lean
 * too, and completion's are not. Where any of
 * this fails (another JDK's internals, a launcher without the manifest's {@code Add-Opens}, or
 * {@code -Diamnb.leanWrapping=off}), the JShell keeps its own map and works as it always did; the log says so.
 */
final class LeanWrapping {
    private static final System.Logger LOG = System.getLogger("iamnb.kernel.eval");
    private static final String PATCH = "/META-INF/iamnb-jshell-patch/jdk/jshell/";
    /** The map class, defined once per process (a class loader defines a name only once); null if impossible. */
    private static Class<?> mapClass;
    private static boolean defined;

    /** The JShell's lean map, or null when it wraps as JShell does. */
    private final Object map;
    private final Method evaluating;
    private final Method importsLeftOut;

    private LeanWrapping(Object map, Method evaluating, Method importsLeftOut) {
        this.map = map;
        this.evaluating = evaluating;
        this.importsLeftOut = importsLeftOut;
    }

    /** Makes {@code jshell} wrap leanly; call right after building it, before any snippet. */
    static LeanWrapping install(JShell jshell) {
        if ("off".equals(System.getProperty("iamnb.leanWrapping"))) {
            LOG.log(System.Logger.Level.INFO, "-Diamnb.leanWrapping=off: every snippet imports all earlier "
                    + "declarations, as in plain JShell");
            return new LeanWrapping(null, null, null);
        }
        try {
            Class<?> lean = definedMapClass();
            Constructor<?> constructor = lean.getDeclaredConstructor(JShell.class);
            constructor.setAccessible(true);
            Method evaluating = lean.getDeclaredMethod("evaluating", boolean.class);
            evaluating.setAccessible(true);
            Method importsLeftOut = lean.getDeclaredMethod("importsLeftOut");
            importsLeftOut.setAccessible(true);
            Object map = constructor.newInstance(jshell);
            Field outerMap = JShell.class.getDeclaredField("outerMap");
            outerMap.setAccessible(true);
            outerMap.set(jshell, map);
            return new LeanWrapping(map, evaluating, importsLeftOut);
        } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.INFO, "JShell's own wrapping kept (" + e + "): every snippet imports all "
                    + "earlier declarations, and long sessions get slower");
            return new LeanWrapping(null, null, null);
        }
    }

    /** Runs JShell's eval or drop with lean trial wraps on this thread (see {@code LeanOuterWrapMap}). */
    <T> T during(Supplier<T> evaluation) {
        if (map == null) {
            return evaluation.get();
        }
        switchTrialWraps(true);
        try {
            return evaluation.get();
        } finally {
            switchTrialWraps(false);
        }
    }

    private void switchTrialWraps(boolean lean) {
        try {
            evaluating.invoke(map, lean);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the lean wrapping's switch failed", e);
        }
    }

    /** How many import lines have been left out so far; -1 when JShell wraps as usual. */
    long importsLeftOut() {
        if (map == null) {
            return -1;
        }
        try {
            return (long) importsLeftOut.invoke(map);
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    private static synchronized Class<?> definedMapClass() throws IOException, ReflectiveOperationException {
        if (!defined) {
            defined = true;
            MethodHandles.Lookup inJShell = MethodHandles.privateLookupIn(JShell.class, MethodHandles.lookup());
            // The outer class first: its anonymous key set names it.
            Class<?> map = inJShell.defineClass(classFile("LeanOuterWrapMap"));
            inJShell.defineClass(classFile("LeanOuterWrapMap$1"));
            mapClass = map;
        }
        if (mapClass == null) {
            throw new IllegalStateException("an earlier attempt to define the lean wrapping failed");
        }
        return mapClass;
    }

    private static byte[] classFile(String name) throws IOException {
        try (InputStream in = LeanWrapping.class.getResourceAsStream(PATCH + name + ".class")) {
            if (in == null) {
                throw new IOException("the kernel jar lacks " + PATCH + name + ".class");
            }
            return in.readAllBytes();
        }
    }
}
