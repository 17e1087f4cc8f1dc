package iamnb.kernel.protocol;

import java.util.ArrayList;
import java.util.List;
import org.zeromq.ZMQ;

/** Multipart send/receive helpers for JeroMQ sockets. */
final class Frames {
    private Frames() {}

    /** Receives one whole multipart message; null when nothing is waiting and {@code flags} is DONTWAIT. */
    static List<byte[]> receive(ZMQ.Socket socket, int flags) {
        byte[] first = socket.recv(flags);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>(8);
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return frames;
    }

    static void send(ZMQ.Socket socket, List<byte[]> frames) {
        int last = frames.size() - 1;
        for (int i = 0; i < last; i++) {
            socket.sendMore(frames.get(i));
        }
        socket.send(frames.get(last), 0);
    }

    /** True when the exception only says the context is shutting down. */
    static boolean isTermination(RuntimeException e) {
        return e instanceof org.zeromq.ZMQException z && z.getErrorCode() == ZMQ.Error.ETERM.getCode()
                || e instanceof java.nio.channels.ClosedSelectorException
                || e instanceof zmq.ZError.CtxTerminatedException
                || e instanceof zmq.ZError.IOException;
    }
}
