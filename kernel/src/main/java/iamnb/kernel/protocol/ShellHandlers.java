package iamnb.kernel.protocol;

import iamnb.kernel.history.HistoryEntry;
import iamnb.kernel.history.HistoryStore;
import iamnb.kernel.protocol.Content.ReplyStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The shell channel's handler table and the protocol half of each request (ipykernel's {@code *_request}):
 * read the request's record, count executions, echo the input, publish errors, keep history, build the reply.
 * The language work is the {@link Engine}'s.
 *
 * <p>Runs on the shell thread only, so the execution counter needs no locking.
 */
public final class ShellHandlers {
    private static final System.Logger LOG = System.getLogger("iamnb.kernel.shell");

    private final Engine engine;
    private final HistoryStore history;
    private final StdinChannel stdin;
    private final Content.KernelInfoReply kernelInfo;
    private final Consumer<Boolean> shutdown;
    private int executionCount = 1;

    /**
     * @param shutdown called after a shutdown_request arriving on shell has been answered (restart flag)
     */
    public ShellHandlers(Engine engine, HistoryStore history, StdinChannel stdin, Consumer<Boolean> shutdown) {
        this.engine = engine;
        this.history = history;
        this.stdin = stdin;
        this.shutdown = shutdown;
        this.kernelInfo = kernelInfo(engine.languageInfo());
    }

    /**
     * Every shell request. interrupt_request is not here: on shell it would wait behind the very cell it is
     * meant to stop, so it gets an error reply that names the control channel (see {@link ChannelServer}).
     */
    public HandlerTable table() {
        return new HandlerTable(MessageType.Channel.SHELL, Map.ofEntries(
                Map.entry(MessageType.KERNEL_INFO_REQUEST, r -> r.reply(kernelInfo)),
                Map.entry(MessageType.EXECUTE_REQUEST, this::execute),
                Map.entry(MessageType.COMPLETE_REQUEST, this::complete),
                Map.entry(MessageType.INSPECT_REQUEST, this::inspect),
                Map.entry(MessageType.IS_COMPLETE_REQUEST, this::isComplete),
                Map.entry(MessageType.HISTORY_REQUEST, this::history),
                Map.entry(MessageType.COMM_INFO_REQUEST, this::commInfo),
                Map.entry(MessageType.COMM_OPEN, this::commOpen),
                Map.entry(MessageType.COMM_MSG, this::commIgnored),
                Map.entry(MessageType.COMM_CLOSE, this::commIgnored),
                // shutdown belongs on control, but older clients send it on shell
                Map.entry(MessageType.SHUTDOWN_REQUEST, this::shutdownOnShell)));
    }

    /** kernel_info_reply content: protocol, implementation and language metadata. */
    public static Content.KernelInfoReply kernelInfo(Engine.LanguageInfo info) {
        Content.LanguageInfo language = new Content.LanguageInfo(info.name(), info.version(), info.mimetype(),
                info.fileExtension(), info.pygmentsLexer(), info.codemirrorMode(), "script");
        List<Content.HelpLink> links = info.helpLinks().stream()
                .map(l -> new Content.HelpLink(l.text(), l.url())).toList();
        return new Content.KernelInfoReply(ReplyStatus.OK, Header.PROTOCOL_VERSION, "iamnb", "0.1.0",
                info.banner(), false, language, links);
    }

    private void execute(Request request) {
        Content.ExecuteRequest c = request.content(Content.ExecuteRequest.class);
        int count = executionCount;
        if (c.storeHistory()) {
            executionCount++;
        }
        IopubPublisher iopub = request.channel().iopub();
        if (!c.silent()) {
            iopub.publish(request.message(), new Content.ExecuteInput(c.code(), count));
        }
        ExecutionContext context = new ExecutionContext(count, request.message(), c.silent(), c.allowStdin(), iopub,
                stdin);
        Engine.ExecuteOutcome outcome = engine.execute(c.code(), context);

        Content.ExecuteReply reply;
        String resultText = null;
        if (outcome instanceof Engine.ExecuteOutcome.Ok ok) {
            resultText = ok.resultText().orElse(null);
            reply = Content.ExecuteReply.ok(count, userExpressions(c.userExpressions(), context), payload(ok.page()));
        } else {
            Content.Error error = errorContent((Engine.ExecuteOutcome.Failed) outcome);
            if (!c.silent()) {
                iopub.publish(request.message(), error);
            }
            reply = Content.ExecuteReply.error(count, error);
        }
        if (c.storeHistory()) {
            history.append(count, c.code(), resultText);
        }
        // Requests queued before this reply leaves were sent without knowing of the error: they are the ones
        // stop_on_error aborts. Taking them before replying keeps a request sent after the reply safe.
        List<Message> queued = outcome instanceof Engine.ExecuteOutcome.Failed && c.stopOnError()
                ? request.channel().takeQueued() : List.of();
        request.reply(reply);
        abortQueuedExecutions(request.channel(), queued);
    }

    private Map<String, Content.UserExpression> userExpressions(Map<String, String> expressions,
            ExecutionContext context) {
        Map<String, Content.UserExpression> results = new LinkedHashMap<>();
        expressions.forEach((name, expression) -> results.put(name, engine.userExpression(expression, context)));
        return results;
    }

    /**
     * The pager payload: deprecated in the messaging spec, yet still how classic Notebook, JupyterLab and
     * jupyter_kernel_test show IPython-style help.
     */
    private static List<Content.Page> payload(Optional<Engine.Inspection> page) {
        return page.map(help -> List.of(Content.Page.of(help.plain(), help.html()))).orElse(List.of());
    }

    static Content.Error errorContent(Engine.ExecuteOutcome.Failed failed) {
        return new Content.Error(failed.ename(), failed.evalue(), failed.traceback());
    }

    /** After a failed cell with stop_on_error, the execute_requests queued behind it are answered "aborted". */
    private void abortQueuedExecutions(ChannelServer channel, List<Message> queued) {
        for (Message message : queued) {
            if (!message.type().equals(MessageType.EXECUTE_REQUEST.wireName())) {
                channel.dispatch(message);
                continue;
            }
            channel.iopub().status(message, ExecutionState.BUSY);
            new Request(message, MessageType.EXECUTE_REQUEST, null, channel)
                    .reply(Content.ExecuteReply.aborted(executionCount));
            channel.iopub().status(message, ExecutionState.IDLE);
            LOG.log(System.Logger.Level.INFO, "aborted a queued execute_request after an error");
        }
    }

    private void complete(Request request) {
        Content.CompleteRequest c = request.content(Content.CompleteRequest.class);
        Engine.Completion completion = engine.complete(c.code(), CodePoints.toUtf16(c.code(), c.cursorPos()));
        int start = CodePoints.fromUtf16(c.code(), completion.start());
        int end = CodePoints.fromUtf16(c.code(), completion.end());
        List<Content.CompletionType> types = null;
        if (!completion.types().isEmpty()) {
            types = new ArrayList<>();
            for (int i = 0; i < completion.matches().size(); i++) {
                types.add(new Content.CompletionType(start, end, completion.matches().get(i),
                        completion.types().get(i)));
            }
        }
        request.reply(new Content.CompleteReply(ReplyStatus.OK, completion.matches(), start, end,
                new Content.CompletionMetadata(types)));
    }

    private void inspect(Request request) {
        Content.InspectRequest c = request.content(Content.InspectRequest.class);
        var found = engine.inspect(c.code(), CodePoints.toUtf16(c.code(), c.cursorPos()), c.detailLevel());
        Map<String, String> data = found.map(i -> Map.of("text/plain", i.plain(), "text/html", i.html()))
                .orElse(Map.of());
        request.reply(new Content.InspectReply(ReplyStatus.OK, found.isPresent(), data, Map.of()));
    }

    private void isComplete(Request request) {
        Engine.Completeness completeness = engine.isComplete(request.content(Content.IsCompleteRequest.class).code());
        boolean incomplete = completeness.status() == IsCompleteStatus.INCOMPLETE;
        request.reply(new Content.IsCompleteReply(completeness.status(), incomplete ? completeness.indent() : null));
    }

    /** A bad search pattern (an unclosed '[') is the history store's IllegalArgumentException: an error reply. */
    private void history(Request request) {
        Content.HistoryRequest c = request.content(Content.HistoryRequest.class);
        List<HistoryEntry> entries = switch (c.histAccessType()) {
            case RANGE -> history.range(c.session(), c.start(), c.stop());
            case SEARCH -> history.search(c.pattern(), c.n() == null ? 0 : c.n(), c.unique());
            case TAIL -> history.tail(c.n() == null ? 10 : c.n());
        };
        List<Content.HistoryRow> rows = entries.stream()
                .map(e -> c.output() ? Content.HistoryRow.withOutput(e.session(), e.line(), e.input(), e.output())
                        : Content.HistoryRow.input(e.session(), e.line(), e.input()))
                .toList();
        request.reply(new Content.HistoryReply(ReplyStatus.OK, rows));
    }

    private void commInfo(Request request) {
        request.reply(new Content.CommInfoReply(ReplyStatus.OK, Map.of())); // no comm targets are registered
    }

    /** No comm targets exist: tell the front end the comm is closed, as ipykernel does. */
    private void commOpen(Request request) {
        Content.CommOpen open = request.content(Content.CommOpen.class);
        LOG.log(System.Logger.Level.INFO, "comm_open for unknown target '" + open.targetName() + "'; closing it");
        request.channel().iopub().publish(request.message(), new Content.CommClose(
                open.commId() == null ? "" : open.commId(), Message.emptyObject()));
    }

    private void commIgnored(Request request) {
        String commId = request.message().content().path("comm_id").asText("");
        LOG.log(System.Logger.Level.INFO, request.type() + " for unknown comm '" + commId + "'; ignored");
    }

    private void shutdownOnShell(Request request) {
        boolean restart = request.content(Content.ShutdownRequest.class).restart();
        request.reply(new Content.ShutdownReply(ReplyStatus.OK, restart));
        shutdown.accept(restart);
    }
}
