package iamnb.kernel.eval;

import static iamnb.internal.Html.escape;

import iamnb.kernel.protocol.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * One JShell running in the kernel's own JVM: evaluates cells, completes, inspects, and judges completeness.
 *
 * <p>Not thread-safe except {@link #interrupt}: everything else runs on the shell thread. User code runs on
 * JShell's snippet threads; the evaluator tells the {@link OutputRouter} which cell they belong to and sets
 * their context class loader to the snippets' loader (JShell sets it only on the thread that built it).
 */
public final class JShellEvaluator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("iamnb.kernel.eval");

    private final JShell jshell;
    private final KernelExecutionControl control;
    private final SourceCodeAnalysis analysis;
    private final SnippetSplitter splitter;
    private final OutputRouter router;
    private final Map<String, ErrorMapper.Origin> origins = new ConcurrentHashMap<>();
    private volatile CellStreams currentCell;
    private volatile boolean interruptRequested;
    private final Duration stopGrace;
    private final ScheduledExecutorService abandonTimer;

    /** How long an interrupted snippet may take to stop by itself before its thread is abandoned. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(3);
    private DocumentationLookup documentation;
    private final DroppedClassFiles droppedClassFiles;
    private final LeanWrapping leanWrapping;
    private final ReplClassIndexes replClassIndexes;

    /** Builds the JShell; {@link #preload} then makes it ready for notebooks. */
    public JShellEvaluator(OutputRouter router, PrintStream kernelOut, PrintStream kernelErr) {
        this(router, kernelOut, kernelErr, DEFAULT_STOP_GRACE);
    }

    /** @param stopGrace how long {@link #interrupt} waits for the snippet to stop before abandoning its thread */
    public JShellEvaluator(OutputRouter router, PrintStream kernelOut, PrintStream kernelErr, Duration stopGrace) {
        long t0 = System.nanoTime();
        this.router = router;
        this.stopGrace = stopGrace;
        ThreadGroup kernelThreads = Thread.currentThread().getThreadGroup();
        this.abandonTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(kernelThreads, r, "iamnb-interrupt-escalation");
            t.setDaemon(true);
            return t;
        });
        KernelExecutionControlProvider provider = new KernelExecutionControlProvider(this::enterSnippet,
                this::reportUncaught);
        this.jshell = JShell.builder()
                .executionEngine(provider, Map.of())
                .in(InputStream.nullInputStream())
                .out(kernelOut)
                .err(kernelErr)
                .build();
        this.control = provider.control();
        this.leanWrapping = LeanWrapping.install(jshell);
        this.droppedClassFiles = DroppedClassFiles.of(jshell);
        this.replClassIndexes = ReplClassIndexes.of(jshell);
        this.analysis = jshell.sourceCodeAnalysis();
        this.splitter = new SnippetSplitter(analysis);
        LOG.log(System.Logger.Level.DEBUG, () -> "JShell built in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    /** Runs on the snippet thread before each snippet. */
    private void enterSnippet(Class<?> snippetClass) {
        if (interruptRequested) {
            throw new IllegalStateException("interrupted before start");
        }
        Thread.currentThread().setContextClassLoader(snippetClass.getClassLoader());
        CellStreams cell = currentCell;
        if (cell != null) {
            router.bindCurrentThread(cell);
        }
    }

    /**
     * An exception ended a thread that a cell started: shown on that cell's stderr while the cell runs, in the
     * kernel log once it has ended (its output area may no longer be watched), never nowhere.
     */
    private void reportUncaught(Thread thread, Throwable thrown) {
        Optional<CellStreams> cell = router.cellOfCurrentThread().filter(router::isRunning);
        if (thrown instanceof ExitTrap.ExitRefusedError) {
            String line = "Exception in thread \"" + thread.getName() + "\": " + thrown.getMessage() + "\n";
            cell.ifPresentOrElse(c -> write(c, line), () -> LOG.log(System.Logger.Level.WARNING, line.strip()));
            return;
        }
        if (cell.isPresent()) {
            java.io.StringWriter trace = new java.io.StringWriter();
            thrown.printStackTrace(new java.io.PrintWriter(trace));
            write(cell.get(), "Exception in thread \"" + thread.getName() + "\" " + trace);
        } else {
            LOG.log(System.Logger.Level.WARNING, "uncaught exception in thread \"" + thread.getName()
                    + "\" started by a cell that has ended", thrown);
        }
    }

    private static void write(CellStreams cell, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        cell.write(OutputRouter.Stream.STDERR, bytes, 0, bytes.length);
    }

    /**
     * Adds the class path, the merged import snippet, then the start-up scripts. Problems are logged, not
     * thrown: a kernel without one import is better than no kernel.
     */
    public void preload(Preload preload) {
        long t0 = System.nanoTime();
        preload.classPath().forEach(jshell::addToClasspath);
        String imports = preload.importSnippet(getClass().getClassLoader());
        long listed = System.nanoTime();
        if (!imports.isEmpty() && !evalQuietly(imports)) {
            // One bad package must not cost all the others: retry one by one.
            for (String single : imports.split("(?<=;) ")) {
                if (!evalQuietly(single)) {
                    LOG.log(System.Logger.Level.WARNING, "start-up import failed: " + single);
                }
            }
        }
        long imported = System.nanoTime();
        for (Path script : preload.startupScripts()) {
            runStartupScript(script);
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "preload: import list " + (listed - t0) / 1_000_000
                + " ms, imports " + (imported - listed) / 1_000_000 + " ms, scripts "
                + (System.nanoTime() - imported) / 1_000_000 + " ms");
    }

    /**
     * Compiles, loads and runs a snippet that defines nothing, so that a first cell typed later does not pay for
     * javac's first class generation and JShell's first run (the first {@code 1+1} after the preload: ~68 ms cold,
     * ~25 ms after this; this costs ~50 ms; measured with kernel/bench/PreloadBench.java). Small on purpose: a
     * cell that arrives while it runs waits for it (a lambda here doubled its cost and saved nothing more).
     */
    public void warmUp() {
        long t0 = System.nanoTime();
        evalQuietly("{ int warmUp = \"warm-up\".length(); }");
        replClassIndexes.install(); // the contexts exist now; the first cell need not index them
        LOG.log(System.Logger.Level.DEBUG, () -> "warm-up snippet " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    private boolean evalQuietly(String source) {
        control.reset();
        List<SnippetEvent> events = compile(source);
        return !events.isEmpty() && events.get(0).status() != Snippet.Status.REJECTED
                && events.get(0).exception() == null;
    }

    private void runStartupScript(Path script) {
        String code;
        try {
            code = Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "IAMNB_STARTUP: cannot read " + script + ": " + e.getMessage());
            return;
        }
        for (SnippetSplitter.Piece piece : splitter.split(code)) {
            if (!evalQuietly(piece.source())) {
                int line = new CellText(code).lineOf(piece.start());
                LOG.log(System.Logger.Level.WARNING, "IAMNB_STARTUP: " + script + " line " + line + " failed: "
                        + piece.source().strip());
            }
        }
    }

    /**
     * Evaluates Java code (a whole cell, or the part of one between magics) snippet by snippet, stopping at
     * the first error.
     *
     * @param lineOffset lines of the cell before {@code code} (so errors name cell lines)
     */
    public EvalResult evaluate(String code, int lineOffset, int executionCount, CellStreams cell) {
        currentCell = cell;
        replClassIndexes.install(); // for javac contexts made by earlier cells (normally: by the first ones)
        ExitTrap.takeAttempt(); // an exit refused after an earlier cell ended belongs to that cell
        CellText text = new CellText(code);
        Snippet last = null;
        Object lastValue = null;
        boolean lastEndsInSemicolon = false;
        for (SnippetSplitter.Piece piece : splitter.split(code)) {
            if (interruptRequested) {
                return new EvalResult.Error(ErrorMapper.interrupted());
            }
            control.reset();
            List<SnippetEvent> events = compile(piece.source());
            String exit = ExitTrap.takeAttempt();
            if (exit != null) {
                // A refused exit ends the thread that called it; let that thread's report reach this cell's stderr.
                ExitTrap.awaitCaller(500);
                return new EvalResult.Error(ErrorMapper.usage("SystemExit", exit));
            }
            if (control.wasAbandoned()) {
                return new EvalResult.Error(ErrorMapper.usage("Interrupted", "the cell did not stop within "
                        + stopGrace.toSeconds() + " s of the interrupt (it ignores interrupts or is blocked), so "
                        + "the kernel left its thread behind; the session's variables are kept"));
            }
            if (control.wasStopped() || interruptRequested) {
                return new EvalResult.Error(ErrorMapper.interrupted());
            }
            if (events.isEmpty()) {
                continue;
            }
            SnippetEvent event = primary(events);
            Snippet snippet = event.snippet();
            int firstLine = text.lineOf(piece.start()) + lineOffset;
            origins.put(snippet.id(), new ErrorMapper.Origin(executionCount, firstLine));
            if (event.status() == Snippet.Status.REJECTED) {
                List<ErrorMapper.Problem> problems = jshell.diagnostics(snippet).filter(Diag::isError)
                        .map(d -> new ErrorMapper.Problem(d.getStartPosition(), d.getPosition(), d.getEndPosition(),
                                d.getMessage(Locale.ROOT)))
                        .toList();
                return new EvalResult.Error(ErrorMapper.compileError(code, piece, lineOffset, problems));
            }
            if (event.exception() instanceof UnresolvedReferenceException unresolved) {
                return new EvalResult.Error(ErrorMapper.usage("UnresolvedReference",
                        describe(unresolved.getSnippet()) + " cannot be used until "
                                + unresolvedList(unresolved.getSnippet()) + " is declared (cell line " + firstLine + ")"));
            }
            if (event.exception() != null) {
                return new EvalResult.Error(ErrorMapper.exception(event.exception(),
                        ErrorMapper.isUserMistake(control.lastThrown()), id -> Optional.ofNullable(origins.get(id)),
                        executionCount));
            }
            warnIfUnresolved(event, firstLine, cell);
            last = snippet;
            lastValue = control.lastValue();
            lastEndsInSemicolon = code.substring(piece.start(), piece.start() + piece.length()).strip().endsWith(";");
            dropIfTemporary(snippet);
        }
        // As in IPython, a final ";" hides the value: `display(x);` or `list.add(y);` show nothing.
        return producesValue(last) && !lastEndsInSemicolon ? new EvalResult.Value(lastValue) : new EvalResult.NoValue();
    }

    /** Stops the running snippet (JShell.stop) and the rest of the cell. Safe from any thread. */
    public void interrupt() {
        interruptRequested = true;
        Trampoline.Invocation running = control.current();
        jshell.stop();
        if (running != null && !running.isDone()) {
            running.stopThreads();
        }
        // Cooperative stopping fails for a thread that is deadlocked, blocked in native I/O or swallows
        // ThreadDeath: give it a grace period, then let JShell go on without it.
        abandonTimer.schedule(() -> KernelExecutionControl.abandonIfStillRunning(running,
                "interrupted: the cell ignored the stop"), stopGrace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True once {@link #interrupt} was called for the running cell. */
    public boolean interruptRequested() {
        return interruptRequested;
    }

    /** Call at the start of each request that runs code, so an interrupt of an earlier cell does not leak. */
    public void clearInterrupt() {
        interruptRequested = false;
    }

    /** Completion at {@code cursor} (UTF-16 index) of a whole cell. */
    public Engine.Completion complete(String code, int cursor) {
        int start = snippetStart(code, cursor);
        String input = code.substring(start, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(input, input.length(), anchor);
        Set<String> ordered = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> ordered.add(s.continuation()));
        suggestions.forEach(s -> ordered.add(s.continuation()));
        List<String> matches = List.copyOf(ordered);
        List<String> types = matches.stream().map(JShellEvaluator::kindOf).toList();
        return new Engine.Completion(matches, start + anchor[0], cursor, types);
    }

    private static String kindOf(String continuation) {
        if (continuation.endsWith("(") || continuation.endsWith("()")) {
            return "function";
        }
        if (continuation.endsWith(".")) {
            return "module";
        }
        return !continuation.isEmpty() && Character.isUpperCase(continuation.charAt(0)) ? "class" : "instance";
    }

    /**
     * Signature and Javadoc of what is at {@code cursor}, or empty. Javadoc comes from the JDK's src.zip when it
     * is installed and from the library's sources in the kernel jar ({@link DocumentationLookup}, made on first
     * use: opening the jar's sources takes tens of milliseconds that start-up should not pay).
     */
    public Optional<Engine.Inspection> inspect(String code, int cursor) {
        if (documentation == null) {
            documentation = new DocumentationLookup(analysis, getClass().getClassLoader());
        }
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        int start = snippetStart(code, cursor);
        List<DocumentationLookup.Entry> entries = documentation.lookup(code.substring(start, end));
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder();
        for (DocumentationLookup.Entry entry : entries) {
            plain.append(entry.signature()).append('\n');
            html.append("<pre>").append(escape(entry.signature())).append("</pre>\n");
            entry.javadoc().ifPresent(javadoc -> {
                plain.append(javadoc.plain()).append("\n\n");
                html.append("<div>").append(javadoc.html()).append("</div>\n");
            });
        }
        return Optional.of(new Engine.Inspection(plain.toString().strip(), html.toString()));
    }

    /** complete / incomplete (with an indent for the next line) / invalid, over a whole cell. */
    public Engine.Completeness isComplete(String code) {
        if (MalformedNumbers.present(code)) {
            return Engine.Completeness.invalid(); // e.g. `int 9x = 1;`, which JShell calls complete
        }
        String rest = code;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            switch (c) {
                case EMPTY:
                    return Engine.Completeness.complete();
                case COMPLETE, COMPLETE_WITH_SEMI:
                    if (info.remaining().isBlank()) {
                        return Engine.Completeness.complete();
                    }
                    rest = info.remaining();
                    break;
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE:
                    return Engine.Completeness.incomplete(indentAfter(code));
                default:
                    return Engine.Completeness.invalid();
            }
        }
    }

    static String indentAfter(String code) {
        String trimmed = code.stripTrailing();
        String lastLine = trimmed.substring(trimmed.lastIndexOf('\n') + 1);
        String indent = lastLine.substring(0, lastLine.length() - lastLine.stripLeading().length());
        char end = trimmed.isEmpty() ? ' ' : trimmed.charAt(trimmed.length() - 1);
        return end == '{' || end == '(' || end == '[' ? indent + "    " : indent;
    }

    /** Start (UTF-16) of the snippet the cursor is in: the last piece of the text before the cursor. */
    private int snippetStart(String code, int cursor) {
        List<SnippetSplitter.Piece> pieces = splitter.split(code.substring(0, cursor));
        return pieces.isEmpty() ? cursor : pieces.get(pieces.size() - 1).start();
    }

    /** The JShell itself, for magics that manage the session (class path, variables, imports). */
    public JShell jshell() {
        return jshell;
    }

    @Override
    public void close() {
        abandonTimer.shutdownNow();
        jshell.close();
    }

    /**
     * An expression's value lives on in a JShell temporary ({@code $12}). Every active snippet makes each later
     * compilation slower (measured: 1+1 went from 10 ms to 40 ms after 600 expressions), and notebooks show
     * values as results rather than as {@code $N}, so temporaries are dropped once their value is taken.
     */
    private void dropIfTemporary(Snippet snippet) {
        if (snippet instanceof VarSnippet && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            leanWrapping.during(() -> {
                jshell.drop(snippet);
                return null;
            });
            droppedClassFiles.forget(snippet);
        }
    }

    /** How many class files JShell's compiler holds (-1 when unknown); see {@link DroppedClassFiles}. */
    int compilerClassFiles() {
        return droppedClassFiles.retained();
    }

    /** Import lines the lean wrapping has left out so far (-1 when JShell wraps as usual); see {@link LeanWrapping}. */
    long importsLeftOut() {
        return leanWrapping.importsLeftOut();
    }

    /** How many javac contexts index their REPL classes, and how many such entries ({@link ReplClassIndex}). */
    int[] replClassIndexes() {
        return replClassIndexes.indexedContextsAndEntries();
    }

    /** JShell's eval, each of its wrappers importing only what it names ({@link LeanWrapping}). */
    private List<SnippetEvent> compile(String source) {
        return leanWrapping.during(() -> jshell.eval(source));
    }

    private static SnippetEvent primary(List<SnippetEvent> events) {
        return events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(events.get(0));
    }

    private static boolean producesValue(Snippet snippet) {
        if (snippet instanceof VarSnippet) {
            return snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        }
        return snippet instanceof ExpressionSnippet && snippet.subKind() != Snippet.SubKind.ASSIGNMENT_SUBKIND;
    }

    private void warnIfUnresolved(SnippetEvent event, int firstLine, CellStreams cell) {
        if (!(event.snippet() instanceof DeclarationSnippet declaration)) {
            return;
        }
        Snippet.Status status = event.status();
        if (status != Snippet.Status.RECOVERABLE_DEFINED && status != Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            return;
        }
        String use = declaration instanceof MethodSnippet ? "invoked" : "used";
        String note = "cell line " + firstLine + ": created " + describe(declaration) + ", but it cannot be " + use
                + " until " + unresolvedList(declaration) + " is declared\n";
        if (cell != null) {
            byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
            cell.write(OutputRouter.Stream.STDERR, bytes, 0, bytes.length);
        }
    }

    private String unresolvedList(DeclarationSnippet snippet) {
        List<String> names = new ArrayList<>(jshell.unresolvedDependencies(snippet).toList());
        return names.isEmpty() ? "a missing declaration" : names.stream().collect(Collectors.joining(", "));
    }

    private static String describe(DeclarationSnippet snippet) {
        return switch (snippet.kind()) {
            case METHOD -> "method " + snippet.name() + "(" + ((MethodSnippet) snippet).parameterTypes() + ")";
            case VAR -> "variable " + snippet.name();
            case TYPE_DECL -> "type " + snippet.name();
            default -> snippet.name();
        };
    }
}
