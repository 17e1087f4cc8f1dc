package iamnb.kernel.protocol;

import org.zeromq.ZMQ;

/** Echoes every ping on the heartbeat REP socket, on its own thread, so a busy kernel still looks alive. */
public final class Heartbeat {
    private final ZMQ.Socket rep;

    public Heartbeat(ZMQ.Socket rep) {
        this.rep = rep;
    }

    public Thread start() {
        Thread t = new Thread(this::run, "iamnb-heartbeat");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void run() {
        try {
            byte[] ping;
            while ((ping = rep.recv(0)) != null) {
                rep.send(ping, 0);
            }
        } catch (RuntimeException e) {
            if (!Frames.isTermination(e)) {
                System.getLogger("iamnb.kernel.heartbeat").log(System.Logger.Level.ERROR, "heartbeat failed", e);
            }
        }
    }
}
