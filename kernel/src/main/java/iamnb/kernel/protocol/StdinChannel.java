package iamnb.kernel.protocol;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Asks the front end for a line of input ({@code input_request} on stdin) and waits for its
 * {@code input_reply}.
 *
 * <p>User code that reads {@code System.in} blocks in {@link #readLine} on a plain future, never on a ZeroMQ
 * socket: interrupting or stopping that thread (which is how a cell is interrupted) must not break a socket.
 * The thread {@code iamnb-stdin} owns the socket.
 */
public final class StdinChannel {
    private static final System.Logger LOG = System.getLogger("iamnb.kernel.stdin");

    private final ZContext context;
    private final ZMQ.Socket socket;
    private final WireCodec codec;
    private final Session session;
    private final Outbox outbox;
    private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();

    public StdinChannel(ZContext context, ZMQ.Socket socket, WireCodec codec, Session session) {
        this.context = context;
        this.socket = socket;
        this.codec = codec;
        this.session = session;
        this.outbox = new Outbox(context, "stdin");
    }

    public Thread start() {
        Thread t = new Thread(this::run, "iamnb-stdin");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Sends an input_request addressed like {@code executeRequest} and blocks until the reply.
     *
     * @throws InterruptedException when the waiting thread is interrupted or the kernel cancels input
     */
    public String readLine(Message executeRequest, String prompt, boolean password) throws InterruptedException {
        Message request = session.requestTo(executeRequest, MessageType.INPUT_REQUEST,
                codec.toJson(new Content.InputRequest(prompt, password)));
        CompletableFuture<String> answer = new CompletableFuture<>();
        pending.put(request.header().msgId(), answer);
        try {
            outbox.send(codec.encode(request));
            return answer.get();
        } catch (ExecutionException | CancellationException e) {
            throw new InterruptedException("input cancelled: " + e.getMessage());
        } finally {
            pending.remove(request.header().msgId());
        }
    }

    /** Cancels every pending input request (the cell was interrupted). */
    public void cancelAll() {
        pending.values().forEach(f -> f.cancel(false));
    }

    private void run() {
        ZMQ.Poller poller = context.createPoller(2);
        int requests = poller.register(outbox.receiver(), ZMQ.Poller.POLLIN);
        int replies = poller.register(socket, ZMQ.Poller.POLLIN);
        try {
            while (poller.poll(-1) >= 0) {
                if (poller.pollin(requests)) {
                    Frames.send(socket, Frames.receive(outbox.receiver(), 0));
                }
                if (poller.pollin(replies)) {
                    accept(Frames.receive(socket, 0));
                }
            }
        } catch (RuntimeException e) {
            if (!Frames.isTermination(e)) {
                LOG.log(System.Logger.Level.ERROR, "stdin thread failed", e);
            }
        }
    }

    private void accept(List<byte[]> frames) {
        Message reply;
        try {
            reply = codec.decode(frames);
        } catch (InvalidMessageException e) {
            LOG.log(System.Logger.Level.WARNING, "dropped a message on stdin channel: " + e.getMessage());
            return;
        }
        if (!reply.type().equals(MessageType.INPUT_REPLY.wireName())) {
            LOG.log(System.Logger.Level.WARNING, "unknown message type '" + reply.type() + "' on stdin; ignored");
            return;
        }
        // Some clients (jupyter_client's KernelClient.input) send input_reply without a parent header: then
        // it answers the request that is waiting (there is at most one per cell).
        CompletableFuture<String> answer = pending.get(reply.parentId());
        if (answer == null) {
            answer = pending.values().stream().findFirst().orElse(null);
        }
        if (answer == null) {
            LOG.log(System.Logger.Level.WARNING, "input_reply while no input is pending; ignored");
            return;
        }
        try {
            answer.complete(codec.content(reply, Content.InputReply.class).value());
        } catch (InvalidMessageException e) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
            answer.completeExceptionally(e);
        }
    }
}
