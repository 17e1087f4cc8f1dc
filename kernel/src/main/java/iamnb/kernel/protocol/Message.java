package iamnb.kernel.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One Jupyter message as it travels on a socket.
 *
 * <p>{@code identities} are the ZeroMQ routing frames before {@code <IDS|MSG>} (for iopub: the topic).
 * {@code parentHeader} is kept as raw JSON so replies echo exactly what the client sent. The JSON parts are
 * treated as immutable by convention: nobody mutates a node after the message is built.
 */
public record Message(
        List<byte[]> identities,
        Header header,
        JsonNode parentHeader,
        JsonNode metadata,
        JsonNode content,
        List<byte[]> buffers) {

    public Message {
        identities = List.copyOf(identities);
        Objects.requireNonNull(header, "header");
        parentHeader = parentHeader == null ? emptyObject() : parentHeader;
        metadata = metadata == null ? emptyObject() : metadata;
        content = content == null ? emptyObject() : content;
        buffers = List.copyOf(buffers);
    }

    public String type() {
        return header.msgType();
    }

    /** The parent's msg_id, or "" when this message has no parent. */
    public String parentId() {
        JsonNode id = parentHeader.get("msg_id");
        return id == null ? "" : id.asText();
    }

    public static ObjectNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }
}
