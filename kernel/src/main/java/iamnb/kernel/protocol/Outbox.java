package iamnb.kernel.protocol;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Lets any thread hand multipart messages to a socket that a single thread owns.
 *
 * <p>ZeroMQ sockets must not be used by two threads at once. Senders share one inproc PUSH socket guarded by
 * a lock (so order across threads is the order of {@link #send} calls); the owning thread polls the PULL end
 * together with its own socket and forwards. The pipe's high-water mark bounds memory: a sender blocks when
 * the owner falls 2000 messages behind.
 */
final class Outbox {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final ZMQ.Socket push;
    private final ZMQ.Socket pull;

    Outbox(ZContext context, String name) {
        String address = "inproc://iamnb-" + name + "-" + NEXT.incrementAndGet();
        pull = context.createSocket(SocketType.PULL);
        pull.bind(address);
        push = context.createSocket(SocketType.PUSH);
        push.connect(address);
    }

    void send(List<byte[]> frames) {
        synchronized (push) {
            Frames.send(push, frames);
        }
    }

    /** The receiving end, for the owning thread's poller. */
    ZMQ.Socket receiver() {
        return pull;
    }
}
