package iamnb.kernel.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The control channel's handler table. Served on its own thread, so interrupt and shutdown work while a cell
 * runs on the shell thread.
 */
public final class ControlHandlers {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Engine engine;
    private final StdinChannel stdin;
    private final ObjectNode kernelInfo;
    private final Consumer<Boolean> shutdown;

    /** @param shutdown called after the shutdown_reply has been sent, with the restart flag */
    public ControlHandlers(Engine engine, StdinChannel stdin, Consumer<Boolean> shutdown) {
        this.engine = engine;
        this.stdin = stdin;
        this.shutdown = shutdown;
        this.kernelInfo = ShellHandlers.kernelInfo(engine.languageInfo());
    }

    public HandlerTable table() {
        return new HandlerTable("control", Map.of(
                "kernel_info_request", r -> r.reply("kernel_info_reply", kernelInfo),
                "interrupt_request", this::interrupt,
                "shutdown_request", this::shutdown));
    }

    private void interrupt(Request request) {
        engine.interrupt();
        stdin.cancelAll();
        request.reply("interrupt_reply", JSON.objectNode().put("status", "ok"));
    }

    private void shutdown(Request request) {
        boolean restart = request.content().path("restart").asBoolean(false);
        ObjectNode reply = JSON.objectNode().put("status", "ok").put("restart", restart);
        request.reply("shutdown_reply", reply);
        request.channel().iopub().publish(request.message(), "shutdown_reply", reply);
        shutdown.accept(restart);
    }
}
