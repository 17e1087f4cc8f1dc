package iamnb.kernel.eval;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreeScanner;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A javac plug-in that keeps a long session fast: it drops from each snippet wrapper the imports of earlier
 * declarations that the wrapper never names.
 *
 * <p>Why: JShell compiles each snippet as a class of package {@code REPL} that begins with one
 * {@code import static REPL.$JShell$N.name;} (or {@code import REPL.$JShell$N.Type;}) per declaration defined so
 * far. javac enters, checks for uniqueness and resolves every one of them, reading each earlier snippet's class
 * file, in each of the ~3 compilations of every snippet: 600 cells into a session, a cell that declares a
 * variable and a method costs 5× one early in it (kernel/bench/PlainJShellGrowth.java, JFR in its header).
 *
 * <p>Why it is safe: a single import makes one simple name visible; a compilation unit can only use it by
 * writing that name as an identifier. So an import of {@code REPL.…name} is kept exactly when {@code name} occurs
 * as an identifier in the unit's declarations (same name, every kind: variables, methods and their overloads,
 * types). Other imports (the user's, the preload's) are never touched. Diagnostic positions are unchanged:
 * only import trees are removed, the text is not.
 *
 * <p>When: only while the evaluator compiles a cell ({@link #during}). Completion compiles partial code
 * ({@code v} must still offer {@code v1}, {@code v2}, ...), so its tasks keep every import.
 *
 * <p>How javac finds it: see {@link #options}. Removing an import needs javac's tree classes, exported to
 * the kernel by its jar's manifest ({@code Add-Exports}); without them ({@link #usable}) the kernel does not use
 * the plug-in and JShell compiles as it always did.
 */
public final class ReplImportFilter implements Plugin {
    /** The name given to {@code -Xplugin:}. */
    public static final String NAME = "iamnb-repl-imports";
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);
    private static final AtomicLong REMOVED = new AtomicLong();

    /** javac's service loader makes plug-ins with this constructor. */
    public ReplImportFilter() {}

    /**
     * True when javac's tree classes are exported to this class, which removing an import needs, and the filter
     * is not switched off ({@code IAMNB_JAVA_OPTS=-Diamnb.replImportFilter=off}, to compare or to rule it out).
     */
    public static boolean usable() {
        if ("off".equals(System.getProperty("iamnb.replImportFilter"))) {
            return false;
        }
        Optional<Module> compiler = ModuleLayer.boot().findModule("jdk.compiler");
        Module self = ReplImportFilter.class.getModule();
        return compiler.isPresent() && compiler.get().isExported("com.sun.tools.javac.tree", self)
                && compiler.get().isExported("com.sun.tools.javac.util", self);
    }

    /**
     * The compiler options that load the plug-in: {@code -Xplugin} and a processor path holding only its
     * registration ({@link Registration}). javac finds plug-ins with a service loader over
     * the processor path (the class path when there is none), whose parent, the application class loader, then
     * loads this class: the one instance of it, with the switch {@link #during} sets. The registration is not
     * in the kernel's own classes: javac would meet it while compiling them, before this class exists.
     */
    public static List<String> options() {
        return List.of("--processor-path", Registration.FOLDER.get().toString(), "-Xplugin:" + NAME);
    }

    /**
     * The folder holding the plug-in's registration: {@code ~/.cache/iamnb/javac-plugin} ({@code XDG_CACHE_HOME}
     * respected), shared by every kernel of the user and never deleted (its one file never changes; a kernel
     * killed with SIGKILL leaves nothing behind); a temporary folder when the cache cannot be written.
     */
    private static final class Registration {
        static final Supplier<Path> FOLDER = new Supplier<>() {
            private Path folder;

            @Override
            public synchronized Path get() {
                if (folder == null) {
                    String cache = System.getenv("XDG_CACHE_HOME");
                    Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                            : Path.of(System.getProperty("user.home"), ".cache");
                    try {
                        folder = write(base.resolve("iamnb").resolve("javac-plugin"));
                    } catch (java.io.IOException | RuntimeException inCache) {
                        try {
                            Path temporary = Files.createTempDirectory("iamnb-javac-plugin-");
                            temporary.toFile().deleteOnExit();
                            folder = write(temporary);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException("cannot write the javac plug-in's registration", e);
                        }
                    }
                }
                return folder;
            }
        };

        /** Writes the registration into {@code folder} unless it is there already; atomic for kernels racing. */
        private static Path write(Path folder) throws java.io.IOException {
            Path services = Files.createDirectories(folder.resolve("META-INF").resolve("services"));
            Path file = services.resolve(Plugin.class.getName());
            String content = ReplImportFilter.class.getName() + "\n";
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
                return folder;
            }
            Path fresh = Files.createTempFile(services, "registration-", ".tmp");
            Files.writeString(fresh, content, StandardCharsets.UTF_8);
            Files.move(fresh, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return folder;
        }
    }

    /** Runs {@code compile} (JShell's eval or drop) with the filter on for this thread. */
    public static <T> T during(Supplier<T> compile) {
        boolean outer = ACTIVE.get();
        ACTIVE.set(true);
        try {
            return compile.get();
        } finally {
            ACTIVE.set(outer);
        }
    }

    /** How many imports were dropped in this process, for tests and benchmarks. */
    public static long removedSoFar() {
        return REMOVED.get();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void init(JavacTask task, String... args) {
        task.addTaskListener(new TaskListener() {
            @Override
            public void finished(TaskEvent event) {
                if (event.getKind() == TaskEvent.Kind.PARSE && ACTIVE.get()) {
                    REMOVED.addAndGet(dropUnnamedReplImports(event.getCompilationUnit()));
                }
            }
        });
    }

    /** Removes the unit's imports of {@code REPL} names it never writes; returns how many. */
    static int dropUnnamedReplImports(CompilationUnitTree unit) {
        if (unit.getPackageName() == null || !unit.getPackageName().toString().equals("REPL")) {
            return 0;
        }
        Set<String> named = identifiers(unit);
        try {
            // JCCompilationUnit.defs, a javac List (a java.util.List): the package clause, imports, declarations.
            Field defsField = unit.getClass().getField("defs");
            List<?> defs = (List<?>) defsField.get(unit);
            List<Object> kept = new ArrayList<>(defs.size());
            for (Object def : defs) {
                if (!(def instanceof ImportTree imported) || namedIn(imported, named)) {
                    kept.add(def);
                }
            }
            int removed = defs.size() - kept.size();
            if (removed > 0) {
                defsField.set(unit, JavacList.FROM.invoke(null, (Object) kept.toArray()));
            }
            return removed;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 0; // a javac whose trees changed: the unit compiles with every import, as without the filter
        }
    }

    /** javac's own immutable list, which {@code defs} must be. */
    private static final class JavacList {
        static final Method FROM = from();

        private static Method from() {
            try {
                return Class.forName("com.sun.tools.javac.util.List").getMethod("from", Object[].class);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("javac's List.from is missing", e);
            }
        }
    }

    /**
     * Whether an import stays: any import not of a {@code REPL} member, and one of a name the unit writes. Read
     * from the tree (no printing: this runs for every import of every task).
     */
    private static boolean namedIn(ImportTree imported, Set<String> named) {
        if (!(imported.getQualifiedIdentifier() instanceof MemberSelectTree selected)) {
            return true;
        }
        String name = selected.getIdentifier().toString();
        if (name.equals("*") || !inReplPackage(selected.getExpression())) {
            return true;
        }
        return named.contains(name);
    }

    /** True when {@code owner} is {@code REPL} or a name inside it ({@code REPL.$JShell$12}). */
    private static boolean inReplPackage(ExpressionTree owner) {
        ExpressionTree root = owner;
        while (root instanceof MemberSelectTree select) {
            root = select.getExpression();
        }
        return root instanceof IdentifierTree identifier && identifier.getName().contentEquals("REPL");
    }

    /** Every simple name written in the unit's type declarations (imports excluded). */
    private static Set<String> identifiers(CompilationUnitTree unit) {
        Set<String> names = new HashSet<>();
        TreeScanner<Void, Void> scanner = new TreeScanner<>() {
            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                names.add(node.getName().toString());
                return null;
            }
        };
        for (Tree declaration : unit.getTypeDecls()) {
            scanner.scan(declaration, null);
        }
        return names;
    }
}
