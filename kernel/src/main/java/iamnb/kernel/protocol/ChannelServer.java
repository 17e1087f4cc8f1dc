package iamnb.kernel.protocol;

import java.util.List;
import java.util.function.Consumer;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Serves one ROUTER channel (shell or control) on the calling thread: block in a poller, decode, verify,
 * look the type up in the channel's {@link HandlerTable}, and publish busy/idle around the handler.
 *
 * <p>A message with a bad or missing signature is logged and dropped before any JSON is parsed. An unknown
 * type is logged and answered with nothing. A handler that throws is logged; the channel keeps serving.
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
        this.name = table.channel();
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

    /** Runs the handler for one message with busy/idle around it. */
    public void dispatch(Message message) {
        iopub.status(message, "busy");
        try {
            table.find(message.type()).ifPresentOrElse(
                    handler -> handler.handle(new Request(message, this)),
                    () -> LOG.log(System.Logger.Level.WARNING, "unknown message type '" + message.type()
                            + "' on " + name + " channel; ignored (known: " + table + ")"));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "handler for " + message.type() + " on " + name + " failed", e);
        } finally {
            iopub.status(message, "idle");
        }
    }

    void send(Message message) {
        Frames.send(socket, codec.encode(message));
    }

    Session session() {
        return session;
    }

    public IopubPublisher iopub() {
        return iopub;
    }

    private void decode(List<byte[]> frames, Consumer<Message> then) {
        Message message;
        try {
            message = codec.decode(frames);
        } catch (InvalidMessageException e) {
            LOG.log(System.Logger.Level.WARNING, "dropped a message on " + name + " channel: " + e.getMessage());
            return;
        }
        then.accept(message);
    }
}
