package iamnb.kernel.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A message header (messaging spec 5.x). */
public record Header(String msgId, String session, String username, String date, String msgType, String version) {

    /** The protocol version this kernel speaks. */
    public static final String PROTOCOL_VERSION = "5.3";

    public Header {
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(msgType, "msgType");
        Objects.requireNonNull(version, "version");
        if (msgType.isEmpty()) {
            throw new InvalidMessageException("header.msg_type is empty");
        }
    }

    /** A fresh header for a message this kernel sends. */
    public static Header create(String msgType, String session, String username) {
        return new Header(UUID.randomUUID().toString(), session, username, Instant.now().toString(), msgType,
                PROTOCOL_VERSION);
    }

    static Header fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidMessageException("header is not a JSON object");
        }
        JsonNode type = node.get("msg_type");
        if (type == null || !type.isTextual()) {
            throw new InvalidMessageException("header.msg_type is missing");
        }
        return new Header(field(node, "msg_id"), field(node, "session"), field(node, "username"),
                field(node, "date"), type.asText(), field(node, "version"));
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("msg_id", msgId);
        n.put("session", session);
        n.put("username", username);
        n.put("date", date);
        n.put("msg_type", msgType);
        n.put("version", version);
        return n;
    }

    private static String field(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
