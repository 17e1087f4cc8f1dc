package iamnb.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import iamnb.kernel.display.DisplayPublisher;
import iamnb.kernel.display.Displayer;
import iamnb.kernel.display.MimeBundle;
import iamnb.kernel.eval.CellStreams;
import iamnb.kernel.eval.ErrorMapper;
import iamnb.kernel.eval.EvalResult;
import iamnb.kernel.eval.HelpQuery;
import iamnb.kernel.eval.JShellEvaluator;
import iamnb.kernel.eval.OutputRouter;
import iamnb.kernel.magics.MagicException;
import iamnb.kernel.magics.MagicParser;
import iamnb.kernel.magics.MagicCall;
import iamnb.kernel.magics.MagicRegistry;
import iamnb.kernel.protocol.Content;
import iamnb.kernel.protocol.Engine;
import iamnb.kernel.protocol.ExecutionContext;
import iamnb.kernel.protocol.IsCompleteStatus;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Java as the kernel's language: the execute path is magics first ({@link MagicParser}, {@link MagicRegistry}), then JShell
 * ({@link JShellEvaluator}), then display ({@link Displayer}) of the last expression's value. A help cell
 * ({@link HelpQuery}, {@code String?}) skips all that and pages the inspector's answer.
 *
 * <p>The evaluator is a future: it is built and preloaded on a background thread while the front end
 * connects, and the first request that needs it waits for it.
 */
final class JavaEngine implements Engine {
    private final CompletableFuture<JShellEvaluator> evaluator;
    private final OutputRouter router;
    private final Displayer displayer;
    private final MagicRegistry magics;
    private final ScheduledExecutorService flushTimer;
    private final ObjectMapper json;
    private final LanguageInfo languageInfo;

    JavaEngine(CompletableFuture<JShellEvaluator> evaluator, OutputRouter router, Displayer displayer, MagicRegistry magics,
            ScheduledExecutorService flushTimer, ObjectMapper json) {
        this.evaluator = evaluator;
        this.router = router;
        this.displayer = displayer;
        this.magics = magics;
        this.flushTimer = flushTimer;
        this.json = json;
        String version = System.getProperty("java.version");
        this.languageInfo = new LanguageInfo("java", version, "text/x-java-source", ".jsh", "java", "text/x-java",
                "iamnb: Java " + version + " on JShell (in-process), IAM audit library preloaded.\n"
                        + "Type Java; the last expression is shown. display(x), %lsmagic.",
                List.of(new HelpLink("JShell", "https://docs.oracle.com/en/java/javase/17/jshell/"),
                        new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/"),
                        new HelpLink("Tablesaw", "https://jtablesaw.github.io/tablesaw/")));
    }

    @Override
    public LanguageInfo languageInfo() {
        return languageInfo;
    }

    @Override
    public ExecuteOutcome execute(String code, ExecutionContext context) {
        JShellEvaluator jshell = evaluator.join();
        Optional<HelpQuery> help = HelpQuery.parse(code);
        if (help.isPresent()) {
            return page(help.get(), jshell, context);
        }
        jshell.clearInterrupt();
        CellStreams streams = new CellStreams(sink(context), flushTimer, lineReader(context));
        DisplayPublisher display = new DisplayPublisher(context.iopub(), context.request(), context.silent(),
                displayer, json, streams::flush);
        streams.attachDisplay(display);
        router.begin(streams);
        try {
            EvalResult result = new EvalResult.NoValue();
            for (MagicParser.Segment segment : segments(code)) {
                result = run(segment, jshell, streams, display, context.executionCount());
                if (result instanceof EvalResult.Error) {
                    break;
                }
            }
            if (result instanceof EvalResult.Error error) {
                return error.failure();
            }
            if (result instanceof EvalResult.Value value && !context.silent()) {
                MimeBundle bundle = displayer.render(value.value(), problem -> {
                    byte[] bytes = (problem + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    streams.write(OutputRouter.Stream.STDERR, bytes, 0, bytes.length);
                });
                display.executeResult(context.executionCount(), bundle);
                return new ExecuteOutcome.Ok(Optional.of(bundle.plainText()));
            }
            return new ExecuteOutcome.Ok(Optional.empty());
        } catch (MagicException e) {
            return ErrorMapper.usage("UsageError", e.getMessage());
        } finally {
            router.end(streams);
        }
    }

    /**
     * A {@code String?} cell is not run: the inspector's signature and Javadoc go to the pager. Nothing found
     * is not an error (it would abort the queued cells), just a line on stdout.
     */
    private ExecuteOutcome page(HelpQuery help, JShellEvaluator jshell, ExecutionContext context) {
        Optional<Inspection> found = jshell.inspect(help.name(), help.name().length());
        if (found.isEmpty()) {
            sink(context).publish("stdout", "no documentation found for " + help.name() + "\n");
        }
        return new ExecuteOutcome.Ok(Optional.empty(), found);
    }

    /** The cell as Java code and magic calls; a cell without magics is one piece of code (cheap check). */
    private static List<MagicParser.Segment> segments(String code) {
        return MagicParser.hasMagic(code) ? MagicParser.parse(code) : List.of(new MagicParser.Segment.Code(code, 1));
    }

    private EvalResult run(MagicParser.Segment segment, JShellEvaluator jshell, CellStreams streams,
            DisplayPublisher display, int count) {
        if (segment instanceof MagicParser.Segment.Code java) {
            return jshell.evaluate(java.code(), java.firstLine() - 1, count, streams);
        }
        MagicCall call = ((MagicParser.Segment.Call) segment).call();
        KernelMagicContext context = new KernelMagicContext(jshell, streams, display, count, call.line());
        try {
            magics.resolve(call).run(call, context);
            return context.failure().<EvalResult>map(EvalResult.Error::new).orElseGet(EvalResult.NoValue::new);
        } catch (MagicException e) {
            return new EvalResult.Error(ErrorMapper.usage("UsageError", e.getMessage()));
        } catch (RuntimeException e) {
            return new EvalResult.Error(ErrorMapper.exception(e, id -> Optional.empty(), count));
        }
    }

    @Override
    public Content.UserExpression userExpression(String expression, ExecutionContext context) {
        JShellEvaluator jshell = evaluator.join();
        CellStreams quiet = new CellStreams((name, text) -> { }, flushTimer, () -> {
            throw new IOException("no input while evaluating user_expressions");
        });
        EvalResult result = jshell.evaluate(expression, 0, context.executionCount(), quiet);
        if (result instanceof EvalResult.Value value) {
            MimeBundle bundle = displayer.render(value.value());
            return Content.UserExpression.ok(json.valueToTree(bundle.data()), json.valueToTree(bundle.metadata()));
        }
        if (result instanceof EvalResult.Error error) {
            return Content.UserExpression.error(error.failure().ename(), error.failure().evalue(),
                    error.failure().traceback());
        }
        return Content.UserExpression.error("NotAnExpression", "'" + expression + "' is not an expression",
                List.of());
    }

    @Override
    public Completion complete(String code, int cursor) {
        var magic = magics.complete(code, cursor);
        if (magic.isPresent()) {
            List<String> matches = magic.get().matches();
            return new Completion(matches, magic.get().start(), magic.get().end(),
                    matches.stream().map(m -> "magic").toList());
        }
        return evaluator.join().complete(code, cursor);
    }

    @Override
    public Optional<Inspection> inspect(String code, int cursor, int detailLevel) {
        return evaluator.join().inspect(code, cursor);
    }

    @Override
    public Completeness isComplete(String code) {
        List<MagicParser.Segment> parts;
        try {
            parts = segments(code);
        } catch (MagicException e) {
            return Completeness.invalid();
        }
        Completeness last = Completeness.complete();
        for (MagicParser.Segment part : parts) {
            if (part instanceof MagicParser.Segment.Code java) {
                last = evaluator.join().isComplete(java.code());
                if (last.status() == IsCompleteStatus.INVALID) {
                    return last;
                }
            } else if (((MagicParser.Segment.Call) part).call().cell()) {
                return Completeness.complete(); // a cell magic owns the rest of the cell
            } else {
                last = Completeness.complete();
            }
        }
        return last;
    }

    @Override
    public void interrupt() {
        displayer.interrupt();
        evaluator.thenAccept(JShellEvaluator::interrupt);
    }

    private static CellStreams.StreamSink sink(ExecutionContext context) {
        if (context.silent()) {
            return (name, text) -> { };
        }
        return (name, text) -> context.iopub().publish(context.request(),
                new Content.Stream(Content.StreamName.valueOf(name.toUpperCase(java.util.Locale.ROOT)), text));
    }

    private static CellStreams.LineReader lineReader(ExecutionContext context) {
        if (!context.allowStdin()) {
            return () -> {
                throw new IOException("System.in is not available: this front end does not accept input "
                        + "(allow_stdin is false)");
            };
        }
        return () -> {
            try {
                return context.stdin().readLine(context.request(), "", false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("reading System.in was cancelled: the cell was interrupted");
            }
        };
    }
}
