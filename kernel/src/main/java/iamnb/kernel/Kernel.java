package iamnb.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import iamnb.kernel.display.Displayer;
import iamnb.kernel.display.MimeBundle;
import iamnb.kernel.display.StandardRenderers;
import iamnb.kernel.display.api.Notebook;
import iamnb.kernel.display.RendererRegistry;
import iamnb.kernel.eval.CompileClassFolder;
import iamnb.kernel.eval.JShellEvaluator;
import iamnb.kernel.eval.OutputRouter;
import iamnb.kernel.eval.Preload;
import iamnb.kernel.history.HistoryStore;
import iamnb.kernel.magics.MagicRegistry;
import iamnb.kernel.magics.StandardMagics;
import iamnb.kernel.protocol.ChannelServer;
import iamnb.kernel.protocol.ConnectionInfo;
import iamnb.kernel.protocol.Content;
import iamnb.kernel.protocol.ControlHandlers;
import iamnb.kernel.protocol.Heartbeat;
import iamnb.kernel.protocol.IopubPublisher;
import iamnb.kernel.protocol.KernelSockets;
import iamnb.kernel.protocol.MessageType;
import iamnb.kernel.protocol.Session;
import iamnb.kernel.protocol.ShellHandlers;
import iamnb.kernel.protocol.Signer;
import iamnb.kernel.protocol.StdinChannel;
import iamnb.kernel.protocol.WireCodec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Wires a kernel together: every collaborator is built here and passed through constructors.
 *
 * <p>Threads: the caller's thread serves shell (and runs cells); {@code iamnb-control} serves interrupt,
 * shutdown and kernel_info; {@code iamnb-iopub}, {@code iamnb-stdin} and {@code iamnb-heartbeat} own their
 * sockets; {@code iamnb-jshell-init} builds and preloads JShell while the front end connects;
 * {@code iamnb-output-flush} publishes buffered output on time.
 *
 * <p>Seams for later work: renderers go into the {@link RendererRegistry} built in {@link #renderers()};
 * magics into the registry built in {@link #magics}; preloaded imports are {@link Preload#DEFAULT_PACKAGES}.
 */
public final class Kernel {
    private static final System.Logger LOG = System.getLogger("iamnb.kernel");

    private final KernelSockets sockets;
    private final ChannelServer shell;
    private final CompletableFuture<JShellEvaluator> evaluator;

    private Kernel(KernelSockets sockets, ChannelServer shell, CompletableFuture<JShellEvaluator> evaluator) {
        this.sockets = sockets;
        this.shell = shell;
        this.evaluator = evaluator;
    }

    /** Starts JShell's build and preload ({@link #begin}), then binds the sockets ({@link Startup#connect}). */
    public static Kernel start(Path connectionFile, Map<String, String> env, PrintStream kernelOut,
            PrintStream kernelErr) {
        return begin(env, kernelOut, kernelErr).connect(connectionFile);
    }

    /**
     * The first step of a start, taken before anything else: the output routing and JShell's build and preload
     * on their own thread. JShell's first compilation is the longest part of a start (javac runs cold), so it
     * begins before the process configures logging, watches its client and reads the connection file.
     */
    public static Startup begin(Map<String, String> env, PrintStream kernelOut, PrintStream kernelErr) {
        long t0 = System.nanoTime();
        OutputRouter router = new OutputRouter(kernelOut, kernelErr);
        router.install();
        CompletableFuture<JShellEvaluator> evaluator = startEvaluator(router, kernelOut, kernelErr, env, t0);
        return new Startup(env, router, evaluator, t0);
    }

    /** A kernel whose JShell is starting and whose sockets are not bound yet. */
    public record Startup(Map<String, String> env, OutputRouter router,
            CompletableFuture<JShellEvaluator> evaluator, long startedNanos) {
        /** Binds the sockets, starts the helper threads; returns before serving shell. */
        public Kernel connect(Path connectionFile) {
            return Kernel.connect(this, connectionFile);
        }
    }

    private static Kernel connect(Startup startup, Path connectionFile) {
        Map<String, String> env = startup.env();
        OutputRouter router = startup.router();
        CompletableFuture<JShellEvaluator> evaluator = startup.evaluator();
        long t0 = startup.startedNanos();
        ObjectMapper json = new ObjectMapper();
        ConnectionInfo info = ConnectionInfo.read(connectionFile, json);
        info.unsignedWarning().ifPresent(w -> LOG.log(System.Logger.Level.WARNING, w));
        KernelSockets sockets = new KernelSockets(info);
        Session session = Session.create();
        WireCodec codec = new WireCodec(Signer.forKey(info.key()), maxMessageBytes(env));
        IopubPublisher iopub = new IopubPublisher(sockets.context(), sockets.iopub(), codec, session);
        StdinChannel stdin = new StdinChannel(sockets.context(), sockets.stdin(), codec, session);
        iopub.start();
        stdin.start();
        new Heartbeat(sockets.heartbeat()).start();

        // The worker is created lazily, often by a snippet's first print; it must not join JShell's snippet thread
        // group, whose every live thread JDK 17's LocalExecutionControl.invoke joins (a cell would then never end).
        ThreadGroup kernelThreads = Thread.currentThread().getThreadGroup();
        ScheduledExecutorService flushTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(kernelThreads, r, "iamnb-output-flush");
            t.setDaemon(true);
            return t;
        });
        Displayer displayer = new Displayer(renderers());
        JavaEngine engine = new JavaEngine(evaluator, router, displayer, magics(env), flushTimer, json);
        if (!evaluator.isDone()) {
            warmResultPath(kernelThreads, displayer, codec, session, json);
        }
        Notebook.connect(new CellDisplaySink(router, "text".equalsIgnoreCase(env.get("IAMNB_PROGRESS"))));

        Kernel[] self = new Kernel[1];
        HistoryStore history = new HistoryStore(HistoryStore.defaultFile(env), json);
        ShellHandlers shellHandlers = new ShellHandlers(engine, history, stdin, restart -> self[0].shutdown(restart));
        ControlHandlers controlHandlers = new ControlHandlers(engine, stdin, restart -> self[0].shutdown(restart));
        new ChannelServer(sockets.context(), sockets.control(), codec, session, iopub, controlHandlers.table()).start();
        ChannelServer shell = new ChannelServer(sockets.context(), sockets.shell(), codec, session, iopub,
                shellHandlers.table());
        interruptOnSigint(engine);
        self[0] = new Kernel(sockets, shell, evaluator);
        LOG.log(System.Logger.Level.INFO, "listening on " + info.endpoint(info.shellPort()) + " (session "
                + history.session() + ", sockets ready in " + millis(t0) + " ms)");
        return self[0];
    }

    /**
     * Runs the path of a first result once (a value rendered, the execute_result made JSON and signed) on a spare
     * thread while JShell starts: the first cell waits for JShell and would otherwise also pay for this path cold
     * (renderer lookup, Jackson's serializers, the method handles behind them; 30-40 ms, measured with
     * kernel/bench/kernel_bench.py). Nothing is sent.
     */
    private static void warmResultPath(ThreadGroup group, Displayer displayer, WireCodec codec, Session session,
            ObjectMapper json) {
        Thread warm = new Thread(group, () -> {
            try {
                MimeBundle bundle = displayer.render(2);
                codec.encode(session.broadcast(null, MessageType.EXECUTE_RESULT, codec.toJson(
                        new Content.ExecuteResult(1, json.valueToTree(bundle.data()),
                                json.valueToTree(bundle.metadata())))));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "warming the result path failed", e);
            }
        }, "iamnb-warm-result-path");
        warm.setDaemon(true);
        warm.start();
    }

    /**
     * The limit on one incoming message: {@code IAMNB_MAX_MESSAGE_BYTES} (a byte count; suffixes k, m, g for
     * KiB, MiB, GiB), else {@link WireCodec#DEFAULT_MAX_MESSAGE_BYTES}. A larger request gets an error reply.
     */
    static int maxMessageBytes(Map<String, String> env) {
        String configured = env.get("IAMNB_MAX_MESSAGE_BYTES");
        if (configured == null || configured.isBlank()) {
            return WireCodec.DEFAULT_MAX_MESSAGE_BYTES;
        }
        String text = configured.strip().toLowerCase(java.util.Locale.ROOT);
        long unit = switch (text.charAt(text.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        try {
            long bytes = Long.parseLong(unit == 1 ? text : text.substring(0, text.length() - 1)) * unit;
            if (bytes < 1024 || bytes > Integer.MAX_VALUE - 8) {
                throw new NumberFormatException("out of range");
            }
            return (int) bytes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("IAMNB_MAX_MESSAGE_BYTES='" + configured + "' is not a size between "
                    + "1024 bytes and 2g (examples: 16777216, 64m)", e);
        }
    }

    /**
     * Loads what a kernel session loads (sockets, JShell, javac, the preload, the first requests of a front
     * end) by running one against an in-process client ({@link WarmUp}), then returns.
     */
    static void warmUp(Map<String, String> env, PrintStream out, PrintStream err) {
        WarmUp.run(env, out, err);
    }

    /** Serves shell requests on the calling thread until shutdown. */
    public void serve() {
        shell.serve();
    }

    /** The renderers every session starts with; rich renderers (tables, charts, ...) are registered here. */
    static RendererRegistry renderers() {
        return StandardRenderers.registerAll(new RendererRegistry());
    }

    /** The magics every session starts with. */
    static MagicRegistry magics(Map<String, String> env) {
        return StandardMagics.create(env);
    }

    private static CompletableFuture<JShellEvaluator> startEvaluator(OutputRouter router, PrintStream out,
            PrintStream err, Map<String, String> env, long t0) {
        CompletableFuture<JShellEvaluator> future = new CompletableFuture<>();
        Thread init = new Thread(() -> {
            try {
                Optional<Path> classFolder = CompileClassFolder.runningJar().flatMap(CompileClassFolder::matching);
                JShellEvaluator evaluator = CompileClassFolder.asCompileClassPath(classFolder, () -> {
                    JShellEvaluator built = new JShellEvaluator(router, out, err);
                    built.preload(Preload.fromEnvironment(env));
                    return built;
                });
                // A request already waiting for JShell (a notebook run as a whole) would wait for the warm-up
                // on top of its own first compile.
                if (future.getNumberOfDependents() == 0) {
                    evaluator.warmUp();
                }
                LOG.log(System.Logger.Level.INFO, "JShell ready " + millis(t0) + " ms after start");
                future.complete(evaluator);
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "JShell failed to start", e);
                future.completeExceptionally(e);
            }
        }, "iamnb-jshell-init");
        init.setDaemon(true);
        init.start();
        return future;
    }

    /** SIGINT (e.g. Ctrl-C in a terminal sharing the process group) interrupts the cell instead of killing us. */
    @SuppressWarnings("sunapi")
    private static void interruptOnSigint(JavaEngine engine) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> engine.interrupt());
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.DEBUG, "SIGINT cannot be handled here: " + e.getMessage());
        }
    }

    /**
     * Stops a kernel that runs inside another program (tests, the warm-up): interrupts a running cell and closes
     * the sockets, which ends every kernel thread; unlike a shutdown_request it does not end the process.
     */
    void close() {
        evaluator.thenAccept(JShellEvaluator::interrupt);
        sockets.close();
    }

    /**
     * Ends the process after a shutdown_request, whose reply the control thread has already handed to its socket.
     * Closing the context waits (up to the sockets' linger) until queued replies have left; the whole sequence is
     * bounded by {@link ProcessExit}, so a kernel told to shut down never stays behind, whatever state start-up
     * is in. JShell, if it is still starting, is left alone (the exit ends it) instead of being sent an
     * interrupt that would run later on its start-up thread.
     */
    private void shutdown(boolean restart) {
        LOG.log(System.Logger.Level.INFO, "shutting down" + (restart ? " for a restart" : ""));
        ProcessExit.exitAfter(0, () -> {
            JShellEvaluator ready = evaluator.getNow(null);
            if (ready != null) {
                ready.interrupt();
            }
            // JeroMQ's term() waits for the sockets to drain in a select that an interrupt flag on this thread
            // could cut short; nothing here needs the flag.
            Thread.interrupted();
            sockets.close();
        });
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
