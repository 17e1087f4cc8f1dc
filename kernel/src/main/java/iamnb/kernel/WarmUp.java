package iamnb.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.kernel.protocol.ConnectionInfo;
import iamnb.kernel.protocol.Header;
import iamnb.kernel.protocol.Message;
import iamnb.kernel.protocol.Session;
import iamnb.kernel.protocol.Signer;
import iamnb.kernel.protocol.WireCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A whole kernel session in one process, for recording the class-data-sharing archive at install time: a real
 * kernel on loopback ports, and a client on the same sockets a front end uses sending what a front end sends
 * first (kernel_info, a trivial cell, a display, a completion, is_complete, an inspection). The archive then
 * holds the classes of sockets, signing, JSON, history, rendering and JShell alike; recording JShell alone left
 * about 900 classes of a real start (the protocol side) to be loaded from the jar.
 */
final class WarmUp {
    private static final int REPLY_TIMEOUT_MS = 60_000;

    private WarmUp() {}

    static void run(Map<String, String> env, PrintStream out, PrintStream err) {
        Path dir;
        try {
            dir = Files.createTempDirectory("iamnb-warm-up");
        } catch (IOException e) {
            throw new UncheckedIOException("warm-up: cannot create a temporary directory", e);
        }
        try {
            ObjectMapper json = new ObjectMapper();
            ConnectionInfo info = connectionFile(dir.resolve("connection.json"), json);
            Map<String, String> kernelEnv = new HashMap<>(env);
            kernelEnv.put("IAMNB_HISTORY_FILE", dir.resolve("history.jsonl").toString());
            Kernel kernel = Kernel.start(dir.resolve("connection.json"), kernelEnv, out, err);
            Thread shell = new Thread(kernel::serve, "iamnb-shell");
            shell.setDaemon(true);
            shell.start();
            converse(info, json);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Sends the first requests of a notebook session and waits for each reply. */
    private static void converse(ConnectionInfo info, ObjectMapper json) {
        WireCodec codec = new WireCodec(Signer.forKey(info.key()));
        Session client = new Session(UUID.randomUUID().toString(), "warm-up");
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket iopub = context.createSocket(SocketType.SUB);
            iopub.subscribe(new byte[0]);
            iopub.connect(info.endpoint(info.iopubPort()));
            ZMQ.Socket shell = context.createSocket(SocketType.DEALER);
            shell.setReceiveTimeOut(REPLY_TIMEOUT_MS);
            shell.connect(info.endpoint(info.shellPort()));
            request(shell, codec, client, json, "kernel_info_request", json.createObjectNode());
            request(shell, codec, client, json, "execute_request", execute(json, "int warm = 1 + 1;\nwarm"));
            request(shell, codec, client, json, "execute_request", execute(json, "1+1"));
            request(shell, codec, client, json, "execute_request", execute(json, "display(\"warm\");"));
            request(shell, codec, client, json, "complete_request",
                    json.createObjectNode().put("code", "Math.ma").put("cursor_pos", 7));
            request(shell, codec, client, json, "is_complete_request", json.createObjectNode().put("code", "1+"));
            // Shift-Tab: javac's Javadoc reading and the zip file system of the library's sources
            request(shell, codec, client, json, "inspect_request",
                    json.createObjectNode().put("code", "Iam.demo").put("cursor_pos", 8).put("detail_level", 0));
        }
    }

    private static ObjectNode execute(ObjectMapper json, String code) {
        return json.createObjectNode().put("code", code).put("silent", false).put("store_history", true)
                .put("allow_stdin", false).put("stop_on_error", true);
    }

    private static void request(ZMQ.Socket shell, WireCodec codec, Session client, ObjectMapper json, String type,
            ObjectNode content) {
        Message message = new Message(List.of(), Header.create(type, client.id(), client.username()), null, null,
                content, List.of());
        List<byte[]> frames = codec.encode(message);
        for (int i = 0; i < frames.size(); i++) {
            shell.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
        List<byte[]> reply = new ArrayList<>();
        byte[] frame = shell.recv();
        if (frame == null) {
            throw new IllegalStateException("warm-up: no reply to " + type + " within " + REPLY_TIMEOUT_MS + " ms");
        }
        reply.add(frame);
        while (shell.hasReceiveMore()) {
            reply.add(shell.recv());
        }
        codec.decode(reply);
    }

    /** A connection file on free loopback ports with a fresh key, as a front end would write it. */
    private static ConnectionInfo connectionFile(Path file, ObjectMapper json) {
        ObjectNode node = json.createObjectNode().put("transport", "tcp").put("ip", "127.0.0.1")
                .put("signature_scheme", "hmac-sha256").put("key", UUID.randomUUID().toString());
        for (String port : List.of("shell_port", "control_port", "iopub_port", "stdin_port", "hb_port")) {
            node.put(port, freePort());
        }
        try {
            json.writeValue(file.toFile(), node);
        } catch (IOException e) {
            throw new UncheckedIOException("warm-up: cannot write " + file, e);
        }
        return ConnectionInfo.read(file, json);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("warm-up: no free loopback port", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
