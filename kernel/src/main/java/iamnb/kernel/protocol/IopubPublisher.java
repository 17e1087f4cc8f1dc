package iamnb.kernel.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Broadcasts on iopub from any thread.
 *
 * <p>The iopub socket is an XPUB (JEP 65): when a front end subscribes, it gets an {@code iopub_welcome}, so it
 * knows its subscription is live. One thread, {@code iamnb-iopub}, owns the socket and blocks in a poller on
 * the subscription side and on an {@link Outbox} that every publishing thread writes to.
 */
public final class IopubPublisher {
    private static final System.Logger LOG = System.getLogger("iamnb.kernel.iopub");

    private final ZContext context;
    private final ZMQ.Socket xpub;
    private final WireCodec codec;
    private final Session session;
    private final Outbox outbox;

    public IopubPublisher(ZContext context, ZMQ.Socket xpub, WireCodec codec, Session session) {
        this.context = context;
        this.xpub = xpub;
        this.codec = codec;
        this.session = session;
        this.outbox = new Outbox(context, "iopub");
    }

    /** Publishes {@code content} (its record says the type) with the given parent (null for none). Any thread. */
    public void publish(Message parent, Content content) {
        outbox.send(codec.encode(session.broadcast(parent, MessageType.of(content), codec.toJson(content))));
    }

    public void status(Message parent, ExecutionState state) {
        publish(parent, new Content.Status(state));
    }

    /** Starts the thread that owns the socket; returns at once. */
    public Thread start() {
        Thread t = new Thread(this::run, "iamnb-iopub");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void run() {
        ZMQ.Poller poller = context.createPoller(2);
        int fromKernel = poller.register(outbox.receiver(), ZMQ.Poller.POLLIN);
        int fromSubscribers = poller.register(xpub, ZMQ.Poller.POLLIN);
        try {
            while (poller.poll(-1) >= 0) {
                if (poller.pollin(fromKernel)) {
                    Frames.send(xpub, Frames.receive(outbox.receiver(), 0));
                }
                if (poller.pollin(fromSubscribers)) {
                    welcome(xpub.recv(0));
                }
            }
        } catch (RuntimeException e) {
            if (!Frames.isTermination(e)) {
                LOG.log(System.Logger.Level.ERROR, "iopub thread failed", e);
            }
        }
    }

    /** A subscription frame is {@code 0x01 + topic}; unsubscriptions ({@code 0x00}) need no answer. */
    private void welcome(byte[] subscription) {
        if (subscription == null || subscription.length == 0 || subscription[0] != 1) {
            return;
        }
        String topic = new String(Arrays.copyOfRange(subscription, 1, subscription.length), StandardCharsets.UTF_8);
        Message welcome = session.broadcast(null, MessageType.IOPUB_WELCOME,
                codec.toJson(new Content.IopubWelcome(topic)));
        Message addressed = new Message(List.of(topic.getBytes(StandardCharsets.UTF_8)), welcome.header(),
                welcome.parentHeader(), welcome.metadata(), welcome.content(), List.of());
        Frames.send(xpub, codec.encode(addressed));
    }
}
