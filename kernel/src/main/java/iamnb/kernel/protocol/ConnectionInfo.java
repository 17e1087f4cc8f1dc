package iamnb.kernel.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The connection file a front end writes before starting the kernel: transport, address, the five ports
 * (or ipc path suffixes), and the signing key.
 *
 * <p>For {@code tcp} the endpoint of a channel is {@code tcp://ip:port}; for {@code ipc} it is
 * {@code ipc://ip-port} (jupyter_client's convention: the "ip" field holds the path prefix).
 */
public record ConnectionInfo(
        String transport,
        String ip,
        int shellPort,
        int controlPort,
        int iopubPort,
        int stdinPort,
        int heartbeatPort,
        String signatureScheme,
        String key) {

    public ConnectionInfo {
        if (!transport.equals("tcp") && !transport.equals("ipc")) {
            throw new ProtocolException("connection file: transport must be tcp or ipc, got '" + transport + "'");
        }
        if (!key.isEmpty() && !signatureScheme.equals("hmac-sha256")) {
            throw new ProtocolException("connection file: only signature_scheme hmac-sha256 is supported, got '"
                    + signatureScheme + "'");
        }
        if (ip.isEmpty()) {
            throw new ProtocolException("connection file: 'ip' is empty");
        }
    }

    /** Reads and validates a connection file. */
    public static ConnectionInfo read(Path file, ObjectMapper json) {
        JsonNode node;
        try {
            node = json.readTree(file.toFile());
        } catch (IOException e) {
            throw new ProtocolException("cannot read connection file " + file + ": " + e.getMessage(), e);
        }
        return fromJson(node, file.toString());
    }

    static ConnectionInfo fromJson(JsonNode node, String where) {
        return new ConnectionInfo(
                text(node, "transport", "tcp"),
                text(node, "ip", "127.0.0.1"),
                port(node, "shell_port", where),
                port(node, "control_port", where),
                port(node, "iopub_port", where),
                port(node, "stdin_port", where),
                port(node, "hb_port", where),
                text(node, "signature_scheme", "hmac-sha256"),
                text(node, "key", ""));
    }

    /**
     * What to warn about when the connection file's key is empty: the kernel then accepts unsigned messages, so
     * whoever can reach its ports runs code as the kernel's user. Empty when the key is set.
     */
    public java.util.Optional<String> unsignedWarning() {
        if (!key.isEmpty()) {
            return java.util.Optional.empty();
        }
        boolean loopback = transport.equals("ipc") || ip.equals("127.0.0.1") || ip.equals("localhost")
                || ip.equals("::1");
        return java.util.Optional.of("the connection file's key is empty, so messages are not signed: anyone who can"
                + " reach " + (loopback ? "this machine's" : "the") + " ports on " + ip + " can run code as this user"
                + (loopback ? "" : " from the network") + "; give the kernel a key (Jupyter, JupyterHub and Enterprise"
                + " Gateway write one by default)");
    }

    /** The ZeroMQ endpoint for one channel's port. */
    public String endpoint(int port) {
        return transport.equals("tcp") ? "tcp://" + ip + ":" + port : "ipc://" + ip + "-" + port;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private static int port(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt()) {
            throw new ProtocolException("connection file " + where + ": '" + field + "' is missing or not a number");
        }
        return v.asInt();
    }
}
