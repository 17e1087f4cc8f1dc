package iamnb.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    private final WireCodec codec = new WireCodec(Signer.forKey("k"));
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private ZMQ.Socket client;
    private ZMQ.Socket subscriber;

    /**
     * Closing a JeroMQ context closes every socket from this thread while the server threads may still poll
     * them; under load JeroMQ 0.6.0's reaper can then spin for ever. The kernel bounds its own exit
     * (ProcessExit); the test bounds the close the same way, so one unlucky close cannot hang the build.
     */
    @AfterEach
    void close() throws InterruptedException {
        Thread closer = new Thread(context::close, "test-context-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(10_000);
    }

    private void startServer() {
        ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
        router.bind("inproc://shell");
        ZMQ.Socket xpub = context.createSocket(SocketType.XPUB);
        xpub.bind("inproc://iopub");
        IopubPublisher iopub = new IopubPublisher(context, xpub, codec, session);
        iopub.start();
        // is_complete answers "complete" and records the code; complete_request's handler is broken
        HandlerTable table = new HandlerTable(MessageType.Channel.SHELL, Map.of(
                MessageType.IS_COMPLETE_REQUEST, r -> {
                    handled.add(r.content(Content.IsCompleteRequest.class).code());
                    r.reply(new Content.IsCompleteReply(IsCompleteStatus.COMPLETE, null));
                },
                MessageType.COMPLETE_REQUEST, r -> {
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

    private void send(WireCodec with, String type, String code) {
        ObjectNode content = json.createObjectNode().put("code", code);
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
        send(codec, "is_complete_request", "hello");
        Message reply = receive(client, 5000);
        assertEquals("is_complete_reply", reply.type());
        assertEquals("{\"status\":\"complete\"}", reply.content().toString(), "lowercase enum, no null indent");
        assertEquals(List.of("hello"), handled);
        assertEquals("is_complete_request", reply.parentHeader().get("msg_type").asText());
        assertEquals(List.of("busy", "idle"), List.of(
                receive(subscriber, 5000).content().get("execution_state").asText(),
                receive(subscriber, 5000).content().get("execution_state").asText()));
    }

    @Test
    void dispatch_whenSignatureBad_thenNotHandledAndNoStatus() {
        startServer();
        send(new WireCodec(Signer.forKey("wrong")), "is_complete_request", "forged");
        send(new WireCodec(Signer.forKey("")), "is_complete_request", "unsigned");
        send(codec, "is_complete_request", "genuine");
        assertEquals("is_complete_reply", receive(client, 5000).type());
        assertEquals(List.of("genuine"), handled);
        assertEquals("busy", receive(subscriber, 5000).content().get("execution_state").asText());
    }

    @Test
    void dispatch_whenUnknownType_thenNoReplyAndChannelKeepsServing() {
        startServer();
        send(codec, "mystery_request", "?");
        send(codec, "is_complete_request", "after");
        assertEquals("is_complete_reply", receive(client, 5000).type());
        assertNull(receive(client, 200), "an unknown type has no reply type to answer with");
        assertEquals(List.of("after"), handled);
    }

    @Test
    void dispatch_whenHandlerThrows_thenErrorReplyNamesTheFailure() {
        startServer();
        send(codec, "complete_request", "!");
        Message reply = receive(client, 5000);
        assertEquals("complete_reply", reply.type());
        assertEquals("error", reply.content().get("status").asText());
        assertEquals("IllegalStateException", reply.content().get("ename").asText());
        assertEquals("handler bug", reply.content().get("evalue").asText());
    }

    @Test
    void dispatch_whenRequestBelongsOnAnotherChannel_thenErrorReplyNamesIt() {
        startServer();
        send(codec, "interrupt_request", "");
        Message reply = receive(client, 5000);
        assertEquals("interrupt_reply", reply.type());
        assertEquals("WrongChannel", reply.content().get("ename").asText());
        assertEquals("interrupt_request is not served on the shell channel; send it on the control channel",
                reply.content().get("evalue").asText());
    }

    @Test
    void dispatch_whenContentFieldHasWrongShape_thenErrorReplyNamesField() {
        startServer();
        Message m = new Message(List.of(), Header.create("is_complete_request", "client", "u"), null, null,
                json.createObjectNode().set("code", json.createObjectNode()), List.of());
        Frames.send(client, codec.encode(m));
        Message reply = receive(client, 5000);
        assertEquals("is_complete_reply", reply.type());
        assertEquals("InvalidContent", reply.content().get("ename").asText());
        assertTrue(reply.content().get("evalue").asText().startsWith(
                "the content of is_complete_request does not fit the messaging spec at field 'code': "),
                reply.content().toString());
        assertEquals(List.of(), handled);
    }
}
