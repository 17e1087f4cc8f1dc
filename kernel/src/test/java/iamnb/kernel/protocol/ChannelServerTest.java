package iamnb.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Routing through real JeroMQ sockets over inproc: handler table, busy/idle, bad signatures, unknown types. */
class ChannelServerTest {
    private final ObjectMapper json = new ObjectMapper();
    private final ZContext context = new ZContext();
    private final Session session = Session.create();
    private final WireCodec codec = new WireCodec(Signer.forKey("k"), json);
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private ZMQ.Socket client;
    private ZMQ.Socket subscriber;

    @AfterEach
    void close() {
        context.close();
    }

    private void startServer() {
        ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
        router.bind("inproc://shell");
        ZMQ.Socket xpub = context.createSocket(SocketType.XPUB);
        xpub.bind("inproc://iopub");
        IopubPublisher iopub = new IopubPublisher(context, xpub, codec, session);
        iopub.start();
        HandlerTable table = new HandlerTable("shell", Map.of("echo_request", r -> {
            handled.add(r.content().path("text").asText());
            r.reply("echo_reply", json.createObjectNode().put("text", r.content().path("text").asText()));
        }, "broken_request", r -> {
            throw new IllegalStateException("handler bug");
        }));
        new ChannelServer(context, router, codec, session, iopub, table).start();
        subscriber = context.createSocket(SocketType.SUB);
        subscriber.subscribe(new byte[0]);
        subscriber.connect("inproc://iopub");
        client = context.createSocket(SocketType.DEALER);
        client.connect("inproc://shell");
        Message welcome = receive(subscriber, 5000);
        assertEquals("iopub_welcome", welcome.type());
    }

    private void send(WireCodec with, String type, String text) {
        ObjectNode content = json.createObjectNode().put("text", text);
        Message m = new Message(List.of(), Header.create(type, "client", "u"), null, null, content, List.of());
        Frames.send(client, with.encode(m));
    }

    private Message receive(ZMQ.Socket socket, int timeoutMs) {
        socket.setReceiveTimeOut(timeoutMs);
        byte[] first = socket.recv(0);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>(List.of(first));
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return codec.decode(frames);
    }

    @Test
    void dispatch_whenKnownType_thenHandlerRepliesAndBusyIdleAroundIt() {
        startServer();
        send(codec, "echo_request", "hello");
        Message reply = receive(client, 5000);
        assertEquals("echo_reply", reply.type());
        assertEquals("hello", reply.content().get("text").asText());
        assertEquals("echo_request", reply.parentHeader().get("msg_type").asText());
        assertEquals(List.of("busy", "idle"), List.of(
                receive(subscriber, 5000).content().get("execution_state").asText(),
                receive(subscriber, 5000).content().get("execution_state").asText()));
    }

    @Test
    void dispatch_whenSignatureBad_thenNotHandledAndNoStatus() {
        startServer();
        send(new WireCodec(Signer.forKey("wrong"), json), "echo_request", "forged");
        send(new WireCodec(Signer.forKey(""), json), "echo_request", "unsigned");
        send(codec, "echo_request", "genuine");
        assertEquals("genuine", receive(client, 5000).content().get("text").asText());
        assertEquals(List.of("genuine"), handled);
        assertEquals("busy", receive(subscriber, 5000).content().get("execution_state").asText());
    }

    @Test
    void dispatch_whenUnknownTypeOrHandlerThrows_thenChannelKeepsServing() {
        startServer();
        send(codec, "mystery_request", "?");
        send(codec, "broken_request", "!");
        send(codec, "echo_request", "after");
        assertEquals("after", receive(client, 5000).content().get("text").asText());
        assertNull(receive(client, 200), "unknown types and failing handlers get no reply");
    }
}
