package iamnb.kernel.protocol;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The control channel's handler table. Served on its own thread, so interrupt and shutdown work while a cell
 * runs on the shell thread.
 */
public final class ControlHandlers {
    private final Engine engine;
    private final StdinChannel stdin;
    private final Content.KernelInfoReply kernelInfo;
    private final Consumer<Boolean> shutdown;

    /** @param shutdown called after the shutdown_reply has been sent, with the restart flag */
    public ControlHandlers(Engine engine, StdinChannel stdin, Consumer<Boolean> shutdown) {
        this.engine = engine;
        this.stdin = stdin;
        this.shutdown = shutdown;
        this.kernelInfo = ShellHandlers.kernelInfo(engine.languageInfo());
    }

    public HandlerTable table() {
        return new HandlerTable(MessageType.Channel.CONTROL, Map.of(
                MessageType.KERNEL_INFO_REQUEST, r -> r.reply(kernelInfo),
                MessageType.INTERRUPT_REQUEST, this::interrupt,
                MessageType.SHUTDOWN_REQUEST, this::shutdown));
    }

    private void interrupt(Request request) {
        engine.interrupt();
        stdin.cancelAll();
        request.reply(new Content.InterruptReply(Content.ReplyStatus.OK));
    }

    private void shutdown(Request request) {
        boolean restart = request.content(Content.ShutdownRequest.class).restart();
        Content.ShutdownReply reply = new Content.ShutdownReply(Content.ReplyStatus.OK, restart);
        request.reply(reply);
        request.channel().iopub().publish(request.message(), reply);
        shutdown.accept(restart);
    }
}
