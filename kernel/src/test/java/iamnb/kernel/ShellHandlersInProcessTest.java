package iamnb.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.kernel.protocol.ConnectionInfo;
import iamnb.kernel.protocol.Header;
import iamnb.kernel.protocol.Message;
import iamnb.kernel.protocol.Signer;
import iamnb.kernel.protocol.WireCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The shell handlers driven in this JVM: a whole kernel as {@link Kernel#start} wires it (real JShell, real
 * JeroMQ sockets on loopback), and a client socket speaking the wire protocol, as the Python suites do from
 * outside. Covers what a front end relies on beyond request/reply: stop_on_error, user_expressions, the pager.
 */
class ShellHandlersInProcessTest {
    private static final int TIMEOUT_MS = 60_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    private static Kernel kernel;
    private static ZContext context;
    private static ZMQ.Socket shell;
    private static WireCodec codec;

    @BeforeAll
    static void startKernel() throws IOException {
        Path connection = dir.resolve("connection.json");
        ObjectNode file = JSON.createObjectNode().put("transport", "tcp").put("ip", "127.0.0.1")
                .put("signature_scheme", "hmac-sha256").put("key", UUID.randomUUID().toString());
        for (String port : List.of("shell_port", "control_port", "iopub_port", "stdin_port", "hb_port")) {
            file.put(port, freePort());
        }
        JSON.writeValue(connection.toFile(), file);
        Map<String, String> env = new HashMap<>();
        env.put("IAMNB_HISTORY_FILE", dir.resolve("history.jsonl").toString());
        kernel = Kernel.start(connection, env, QUIET, QUIET);
        Thread serving = new Thread(kernel::serve, "iamnb-shell-under-test");
        serving.setDaemon(true);
        serving.start();

        ConnectionInfo info = ConnectionInfo.read(connection, JSON);
        codec = new WireCodec(Signer.forKey(info.key()));
        context = new ZContext(1);
        shell = context.createSocket(SocketType.DEALER);
        shell.setReceiveTimeOut(TIMEOUT_MS);
        shell.connect(info.endpoint(info.shellPort()));
    }

    @AfterAll
    static void stopKernel() throws InterruptedException {
        context.close();
        // Bounded, as in ChannelServerTest: the kernel's sockets are closed from this thread while its
        // channel threads poll them, and JeroMQ's reaper may then spin instead of finishing.
        Thread closer = new Thread(kernel::close, "test-kernel-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(10_000);
    }

    @Test
    void stopOnError_whenCellFails_thenRequestsQueuedBeforeTheErrorReplyAreAborted() {
        String failing = send("execute_request", execute("throw new IllegalStateException(\"stop here\");"));
        String queued1 = send("execute_request", execute("int neverRuns = 1;"));
        String queued2 = send("execute_request", execute("2 + 2"));

        List<Message> replies = List.of(receive(), receive(), receive());
        assertEquals(List.of(failing, queued1, queued2), replies.stream().map(ShellHandlersInProcessTest::parentId)
                .toList(), "the error reply leaves first, then one aborted reply per queued request, in order");
        assertEquals(List.of("error", "aborted", "aborted"), replies.stream()
                .map(r -> r.content().get("status").asText()).toList());
        assertEquals("stop here", replies.get(0).content().get("evalue").asText());

        // sent after the error reply arrived: runs, and the aborted cell left nothing behind
        JsonNode after = request("execute_request", execute("neverRuns"));
        assertEquals("error", after.get("status").asText(), after.toString());
        assertTrue(after.get("traceback").toString().contains("variable neverRuns"), after.toString());
    }

    @Test
    void stopOnError_whenFalse_thenQueuedCellsRun() {
        ObjectNode failing = execute("throw new RuntimeException(\"keep going\");").put("stop_on_error", false);
        send("execute_request", failing);
        send("execute_request", execute("\"ran\""));
        assertEquals("error", receive().content().get("status").asText());
        assertEquals("ok", receive().content().get("status").asText());
    }

    @Test
    void userExpressions_whenCellSucceeds_thenEachEvaluatedAfterItAsMimeBundleOrError() {
        ObjectNode content = execute("int six = 6;");
        content.putObject("user_expressions").put("twice", "six * 2").put("broken", "six.length()");
        JsonNode reply = request("execute_request", content);

        assertEquals("ok", reply.get("status").asText(), reply.toString());
        JsonNode twice = reply.path("user_expressions").path("twice");
        assertEquals("ok", twice.get("status").asText(), twice.toString());
        assertEquals("12", twice.path("data").path("text/plain").asText());
        JsonNode broken = reply.path("user_expressions").path("broken");
        assertEquals("error", broken.get("status").asText(), broken.toString());
        assertTrue(broken.get("evalue").asText().contains("int cannot be dereferenced"), broken.toString());
    }

    @Test
    void pager_whenCellIsNameAndQuestionMark_thenHelpInPagePayloadAndCountAdvances() {
        JsonNode help = request("execute_request", execute("String?"));
        JsonNode next = request("execute_request", execute("1 + 1"));

        assertEquals("ok", help.get("status").asText(), help.toString());
        JsonNode page = help.path("payload").path(0);
        assertEquals("page", page.path("source").asText(), help.toString());
        assertEquals(0, page.path("start").asInt(-1));
        assertTrue(page.path("data").path("text/plain").asText().contains("java.lang.String"), page.toString());
        assertTrue(page.path("data").path("text/html").asText().contains("String"), page.toString());
        assertEquals(help.get("execution_count").asInt() + 1, next.get("execution_count").asInt());
    }

    private static ObjectNode execute(String code) {
        return JSON.createObjectNode().put("code", code).put("silent", false).put("store_history", true)
                .put("allow_stdin", false).put("stop_on_error", true);
    }

    /** Sends a request; returns its msg_id. */
    private static String send(String type, ObjectNode content) {
        Message message = new Message(List.of(), Header.create(type, "in-process-test", "test"), null, null, content,
                List.of());
        List<byte[]> frames = codec.encode(message);
        for (int i = 0; i < frames.size(); i++) {
            shell.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
        return message.header().msgId();
    }

    /** Sends a request and returns its reply's content. */
    private static JsonNode request(String type, ObjectNode content) {
        String id = send(type, content);
        Message reply = receive();
        assertEquals(id, parentId(reply), "a reply to the request just sent");
        return reply.content();
    }

    private static Message receive() {
        List<byte[]> frames = new ArrayList<>();
        byte[] first = shell.recv();
        if (first == null) {
            throw new AssertionError("no shell reply within " + TIMEOUT_MS + " ms");
        }
        frames.add(first);
        while (shell.hasReceiveMore()) {
            frames.add(shell.recv());
        }
        return codec.decode(frames);
    }

    private static String parentId(Message message) {
        return message.parentHeader().path("msg_id").asText();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
