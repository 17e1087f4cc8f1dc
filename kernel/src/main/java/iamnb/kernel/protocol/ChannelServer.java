package iamnb.kernel.protocol;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Serves one ROUTER channel (shell or control) on the calling thread: block in a poller, decode, verify,
 * look the type up in the channel's {@link HandlerTable}, and publish busy/idle around the handler.
 *
 * <p>What gets an answer: a message with a bad or missing signature, or a replayed one, is logged and dropped
 * (answering would serve whoever forged it). A genuine request always gets its reply: from its handler; or an
 * error reply when it is too large or unreadable, when its content has the wrong shape, when its handler
 * fails before replying, or when it belongs on another channel. A message of a type this kernel does not know
 * (there is no reply type to answer with) is logged, with busy/idle around it as ipykernel does.
 */
public final class ChannelServer {
    private static final System.Logger LOG = System.getLogger("iamnb.kernel.channel");

    private final String name;
    private final ZContext context;
    private final ZMQ.Socket socket;
    private final WireCodec codec;
    private final Session session;
    private final IopubPublisher iopub;
    private final HandlerTable table;

    public ChannelServer(ZContext context, ZMQ.Socket socket, WireCodec codec, Session session,
            IopubPublisher iopub, HandlerTable table) {
        this.name = table.name();
        this.context = context;
        this.socket = socket;
        this.codec = codec;
        this.session = session;
        this.iopub = iopub;
        this.table = table;
    }

    /** Serves until the context is closed. */
    public void serve() {
        ZMQ.Poller poller = context.createPoller(1);
        int index = poller.register(socket, ZMQ.Poller.POLLIN);
        try {
            while (poller.poll(-1) >= 0) {
                if (poller.pollin(index)) {
                    List<byte[]> frames = Frames.receive(socket, 0);
                    if (frames != null) {
                        decode(frames, this::dispatch);
                    }
                }
            }
        } catch (RuntimeException e) {
            if (!Frames.isTermination(e)) {
                LOG.log(System.Logger.Level.ERROR, name + " channel stopped", e);
                throw e;
            }
        }
    }

    /** Starts {@link #serve} on a daemon thread of its own. */
    public Thread start() {
        Thread t = new Thread(this::serve, "iamnb-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Takes every (valid) message already waiting on the socket, without blocking. Used to abort queued
     * executions after an error (stop_on_error).
     */
    public List<Message> takeQueued() {
        List<Message> queued = new java.util.ArrayList<>();
        List<byte[]> frames;
        while ((frames = Frames.receive(socket, ZMQ.DONTWAIT)) != null) {
            decode(frames, queued::add);
        }
        return queued;
    }

    /** Runs the handler for one message with busy/idle around it; every known request gets a reply. */
    public void dispatch(Message message) {
        iopub.status(message, ExecutionState.BUSY);
        try {
            Optional<MessageType> type = MessageType.fromWire(message.type());
            if (type.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "unknown message type '" + message.type() + "' on " + name
                        + " channel; ignored (known: " + table + ")");
                return;
            }
            Optional<Handler> handler = table.find(type.get());
            if (handler.isPresent()) {
                handle(message, type.get(), handler.get());
            } else {
                refuseOnWrongChannel(message, type.get());
            }
        } finally {
            iopub.status(message, ExecutionState.IDLE);
        }
    }

    private void handle(Message message, MessageType type, Handler handler) {
        Request request;
        try {
            request = new Request(message, type, codec.content(message, type.contentClass()), this);
        } catch (RejectedMessageException e) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
            answerWithError(message, type, e.ename(), e.getMessage());
            return;
        }
        try {
            handler.handle(request);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "handler for " + type + " on " + name + " failed", e);
            if (!request.answered() && type.reply().isPresent()) {
                request.fail(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            }
        }
    }

    /** A request of a known type that this channel does not serve (interrupt_request on shell, say). */
    private void refuseOnWrongChannel(Message message, MessageType type) {
        String problem = type + " is not served on the " + name + " channel; send it on the "
                + type.channel().name().toLowerCase(java.util.Locale.ROOT) + " channel";
        LOG.log(System.Logger.Level.WARNING, problem);
        answerWithError(message, type, "WrongChannel", problem);
    }

    private void answerWithError(Message message, MessageType type, String ename, String evalue) {
        type.reply().ifPresent(replyType -> send(session.reply(message, replyType,
                codec.toJson(Content.ErrorReply.of(ename, evalue)))));
    }

    void send(Message message) {
        Frames.send(socket, codec.encode(message));
    }

    Session session() {
        return session;
    }

    WireCodec codec() {
        return codec;
    }

    public IopubPublisher iopub() {
        return iopub;
    }

    /**
     * Decodes and hands on a message. One that cannot be acted on is logged; one whose sender could be read
     * (too large, unparsable parts) is answered with an error, with busy/idle around it like any request.
     */
    private void decode(List<byte[]> frames, Consumer<Message> then) {
        Message message;
        try {
            message = codec.decode(frames);
        } catch (RejectedMessageException e) {
            LOG.log(System.Logger.Level.WARNING, "refused a message on " + name + " channel: " + e.getMessage());
            Message sender = e.sender();
            iopub.status(sender, ExecutionState.BUSY);
            try {
                MessageType.fromWire(sender.type()).ifPresent(type -> answerWithError(sender, type, e.ename(),
                        e.getMessage()));
            } finally {
                iopub.status(sender, ExecutionState.IDLE);
            }
            return;
        } catch (InvalidMessageException e) {
            LOG.log(System.Logger.Level.WARNING, "dropped a message on " + name + " channel: " + e.getMessage());
            return;
        }
        then.accept(message);
    }
}
