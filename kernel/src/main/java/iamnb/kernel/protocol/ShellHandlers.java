package iamnb.kernel.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.kernel.history.HistoryEntry;
import iamnb.kernel.history.HistoryStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The shell channel's handler table and the protocol half of each request (ipykernel's {@code *_request}):
 * parse the request, count executions, echo the input, publish errors, keep history, build the reply. The
 * language work is the {@link Engine}'s.
 *
 * <p>Runs on the shell thread only, so the execution counter needs no locking.
 */
public final class ShellHandlers {
    private static final System.Logger LOG = System.getLogger("iamnb.kernel.shell");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Engine engine;
    private final HistoryStore history;
    private final StdinChannel stdin;
    private final ObjectNode kernelInfo;
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

    public HandlerTable table() {
        return new HandlerTable("shell", Map.ofEntries(
                on("kernel_info_request", this::kernelInfo),
                on("execute_request", this::execute),
                on("complete_request", this::complete),
                on("inspect_request", this::inspect),
                on("is_complete_request", this::isComplete),
                on("history_request", this::history),
                on("comm_info_request", this::commInfo),
                on("comm_open", this::commOpen),
                on("comm_msg", this::commIgnored),
                on("comm_close", this::commIgnored),
                // shutdown belongs on control, but older clients send it on shell
                on("shutdown_request", this::shutdownOnShell)));
    }

    private static Map.Entry<String, Handler> on(String msgType, Handler handler) {
        return Map.entry(msgType, handler);
    }

    /** kernel_info_reply content: protocol, implementation and language metadata. */
    public static ObjectNode kernelInfo(Engine.LanguageInfo info) {
        ObjectNode language = JSON.objectNode()
                .put("name", info.name())
                .put("version", info.version())
                .put("mimetype", info.mimetype())
                .put("file_extension", info.fileExtension())
                .put("pygments_lexer", info.pygmentsLexer())
                .put("codemirror_mode", info.codemirrorMode())
                .put("nbconvert_exporter", "script");
        ArrayNode links = JSON.arrayNode();
        info.helpLinks().forEach(l -> links.addObject().put("text", l.text()).put("url", l.url()));
        ObjectNode reply = JSON.objectNode()
                .put("status", "ok")
                .put("protocol_version", Header.PROTOCOL_VERSION)
                .put("implementation", "iamnb")
                .put("implementation_version", "0.1.0")
                .put("banner", info.banner())
                .put("debugger", false);
        reply.set("language_info", language);
        reply.set("help_links", links);
        return reply;
    }

    private void kernelInfo(Request request) {
        request.reply("kernel_info_reply", kernelInfo);
    }

    private void execute(Request request) {
        JsonNode c = request.content();
        String code = c.path("code").asText("");
        boolean silent = c.path("silent").asBoolean(false);
        boolean storeHistory = !silent && c.path("store_history").asBoolean(true);
        boolean stopOnError = c.path("stop_on_error").asBoolean(true);
        boolean allowStdin = c.path("allow_stdin").asBoolean(true);
        int count = executionCount;
        if (storeHistory) {
            executionCount++;
        }
        IopubPublisher iopub = request.channel().iopub();
        if (!silent) {
            iopub.publish(request.message(), "execute_input",
                    JSON.objectNode().put("code", code).put("execution_count", count));
        }
        ExecutionContext context = new ExecutionContext(count, request.message(), silent, allowStdin, iopub, stdin);
        Engine.ExecuteOutcome outcome = engine.execute(code, context);

        ObjectNode reply = JSON.objectNode();
        String resultText = null;
        if (outcome instanceof Engine.ExecuteOutcome.Ok ok) {
            resultText = ok.resultText().orElse(null);
            reply.put("status", "ok").put("execution_count", count);
            reply.set("user_expressions", userExpressions(c.path("user_expressions"), context));
            reply.set("payload", payload(ok.page()));
        } else if (outcome instanceof Engine.ExecuteOutcome.Failed failed) {
            ObjectNode error = errorContent(failed);
            if (!silent) {
                iopub.publish(request.message(), "error", error);
            }
            reply.setAll(error);
            reply.put("status", "error").put("execution_count", count);
            reply.set("user_expressions", JSON.objectNode());
            reply.set("payload", JSON.arrayNode());
        }
        if (storeHistory) {
            history.append(count, code, resultText);
        }
        // Requests queued before this reply leaves were sent without knowing of the error: they are the ones
        // stop_on_error aborts. Taking them before replying keeps a request sent after the reply safe.
        List<Message> queued = outcome instanceof Engine.ExecuteOutcome.Failed && stopOnError
                ? request.channel().takeQueued() : List.of();
        request.reply("execute_reply", reply);
        abortQueuedExecutions(request.channel(), queued);
    }

    private ObjectNode userExpressions(JsonNode expressions, ExecutionContext context) {
        ObjectNode results = JSON.objectNode();
        expressions.fields().forEachRemaining(e -> results.set(e.getKey(),
                engine.userExpression(e.getValue().asText(), context)));
        return results;
    }

    /**
     * The pager payload: deprecated in the messaging spec, yet still how classic Notebook, JupyterLab and
     * jupyter_kernel_test show IPython-style help.
     */
    private static ArrayNode payload(Optional<Engine.Inspection> page) {
        ArrayNode payload = JSON.arrayNode();
        page.ifPresent(help -> {
            ObjectNode entry = payload.addObject().put("source", "page");
            entry.putObject("data").put("text/plain", help.plain()).put("text/html", help.html());
            entry.put("start", 0);
        });
        return payload;
    }

    static ObjectNode errorContent(Engine.ExecuteOutcome.Failed failed) {
        ObjectNode error = JSON.objectNode().put("ename", failed.ename()).put("evalue", failed.evalue());
        ArrayNode traceback = error.putArray("traceback");
        failed.traceback().forEach(traceback::add);
        return error;
    }

    /** After a failed cell with stop_on_error, the execute_requests queued behind it are answered "aborted". */
    private void abortQueuedExecutions(ChannelServer channel, List<Message> queued) {
        for (Message message : queued) {
            if (!message.type().equals("execute_request")) {
                channel.dispatch(message);
                continue;
            }
            channel.iopub().status(message, "busy");
            new Request(message, channel).reply("execute_reply",
                    JSON.objectNode().put("status", "aborted").put("execution_count", executionCount));
            channel.iopub().status(message, "idle");
            LOG.log(System.Logger.Level.INFO, "aborted a queued execute_request after an error");
        }
    }

    private void complete(Request request) {
        String code = request.content().path("code").asText("");
        int cursor = CodePoints.toUtf16(code, request.content().path("cursor_pos").asInt(code.length()));
        Engine.Completion completion = engine.complete(code, cursor);
        ObjectNode reply = JSON.objectNode().put("status", "ok")
                .put("cursor_start", CodePoints.fromUtf16(code, completion.start()))
                .put("cursor_end", CodePoints.fromUtf16(code, completion.end()));
        ArrayNode matches = reply.putArray("matches");
        completion.matches().forEach(matches::add);
        ObjectNode metadata = reply.putObject("metadata");
        if (!completion.types().isEmpty()) {
            ArrayNode types = metadata.putArray("_jupyter_types_experimental");
            for (int i = 0; i < completion.matches().size(); i++) {
                types.addObject().put("start", reply.get("cursor_start").asInt())
                        .put("end", reply.get("cursor_end").asInt())
                        .put("text", completion.matches().get(i))
                        .put("type", completion.types().get(i));
            }
        }
        request.reply("complete_reply", reply);
    }

    private void inspect(Request request) {
        String code = request.content().path("code").asText("");
        int cursor = CodePoints.toUtf16(code, request.content().path("cursor_pos").asInt(code.length()));
        int detail = request.content().path("detail_level").asInt(0);
        var found = engine.inspect(code, cursor, detail);
        ObjectNode reply = JSON.objectNode().put("status", "ok").put("found", found.isPresent());
        ObjectNode data = reply.putObject("data");
        found.ifPresent(i -> data.put("text/plain", i.plain()).put("text/html", i.html()));
        reply.putObject("metadata");
        request.reply("inspect_reply", reply);
    }

    private void isComplete(Request request) {
        Engine.Completeness completeness = engine.isComplete(request.content().path("code").asText(""));
        ObjectNode reply = JSON.objectNode().put("status", completeness.status());
        if (completeness.status().equals("incomplete")) {
            reply.put("indent", completeness.indent());
        }
        request.reply("is_complete_reply", reply);
    }

    private void history(Request request) {
        JsonNode c = request.content();
        boolean output = c.path("output").asBoolean(false);
        List<HistoryEntry> entries = switch (c.path("hist_access_type").asText("tail")) {
            case "range" -> history.range(c.path("session").asInt(0), c.path("start").asInt(1),
                    c.path("stop").asInt(0));
            case "search" -> history.search(c.path("pattern").asText("*"), c.path("n").asInt(0),
                    c.path("unique").asBoolean(false));
            default -> history.tail(c.path("n").asInt(10));
        };
        ObjectNode reply = JSON.objectNode().put("status", "ok");
        ArrayNode list = reply.putArray("history");
        for (HistoryEntry e : entries) {
            ArrayNode row = list.addArray().add(e.session()).add(e.line());
            if (output) {
                row.addArray().add(e.input()).add(e.output());
            } else {
                row.add(e.input());
            }
        }
        request.reply("history_reply", reply);
    }

    private void commInfo(Request request) {
        ObjectNode reply = JSON.objectNode().put("status", "ok");
        reply.putObject("comms"); // no comm targets are registered
        request.reply("comm_info_reply", reply);
    }

    /** No comm targets exist: tell the front end the comm is closed, as ipykernel does. */
    private void commOpen(Request request) {
        String commId = request.content().path("comm_id").asText("");
        LOG.log(System.Logger.Level.INFO, "comm_open for unknown target '"
                + request.content().path("target_name").asText("") + "'; closing it");
        ObjectNode close = JSON.objectNode().put("comm_id", commId);
        close.putObject("data");
        request.channel().iopub().publish(request.message(), "comm_close", close);
    }

    private void commIgnored(Request request) {
        LOG.log(System.Logger.Level.INFO, request.type() + " for unknown comm '"
                + request.content().path("comm_id").asText("") + "'; ignored");
    }

    private void shutdownOnShell(Request request) {
        boolean restart = request.content().path("restart").asBoolean(false);
        request.reply("shutdown_reply", JSON.objectNode().put("status", "ok").put("restart", restart));
        shutdown.accept(restart);
    }
}
