package iamnb.kernel.protocol;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The five sockets of a kernel, bound to the connection file's endpoints.
 *
 * <p>shell and control are ROUTERs, iopub is an XPUB (verbose, so every subscriber is welcomed), stdin is a
 * ROUTER, heartbeat a REP. Closing the context wakes every thread blocked on one of them with ETERM.
 */
public final class KernelSockets implements AutoCloseable {
    private final ZContext context;
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket iopub;
    private final ZMQ.Socket stdin;
    private final ZMQ.Socket heartbeat;

    public KernelSockets(ConnectionInfo info) {
        context = new ZContext(1);
        // Let replies already queued (e.g. shutdown_reply) leave before the context closes: closing waits until they
        // have, or at most this long (a client that stopped reading must not hold the kernel for long).
        context.setLinger(2000);
        shell = bind(SocketType.ROUTER, info.endpoint(info.shellPort()));
        control = bind(SocketType.ROUTER, info.endpoint(info.controlPort()));
        iopub = context.createSocket(SocketType.XPUB);
        iopub.setXpubVerbose(true);
        iopub.bind(info.endpoint(info.iopubPort()));
        stdin = bind(SocketType.ROUTER, info.endpoint(info.stdinPort()));
        heartbeat = bind(SocketType.REP, info.endpoint(info.heartbeatPort()));
    }

    private ZMQ.Socket bind(SocketType type, String endpoint) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.bind(endpoint);
        return socket;
    }

    public ZContext context() {
        return context;
    }

    public ZMQ.Socket shell() {
        return shell;
    }

    public ZMQ.Socket control() {
        return control;
    }

    public ZMQ.Socket iopub() {
        return iopub;
    }

    public ZMQ.Socket stdin() {
        return stdin;
    }

    public ZMQ.Socket heartbeat() {
        return heartbeat;
    }

    @Override
    public void close() {
        context.close();
    }
}
