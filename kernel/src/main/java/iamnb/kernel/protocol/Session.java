package iamnb.kernel.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The kernel's side of a messaging session: its session id and user name, and the one place where outgoing
 * messages get their headers, parent headers and (for iopub) topics.
 */
public record Session(String id, String username) {

    public static Session create() {
        return new Session(UUID.randomUUID().toString(), "kernel");
    }

    /** A reply to {@code request}, routed back to the same peer. */
    public Message reply(Message request, MessageType type, JsonNode content) {
        return new Message(request.identities(), Header.create(type.wireName(), id, username), request.header().toJson(),
                null, content, List.of());
    }

    /** A broadcast on iopub; {@code parent} may be null (e.g. the welcome, or output of a finished cell's thread). */
    public Message broadcast(Message parent, MessageType type, JsonNode content) {
        byte[] topic = ("kernel." + id + "." + type.wireName()).getBytes(StandardCharsets.UTF_8);
        return new Message(List.of(topic), Header.create(type.wireName(), id, username),
                parent == null ? null : parent.header().toJson(), null, content, List.of());
    }

    /** A request from the kernel to a front end (input_request on stdin), addressed like {@code parent}. */
    public Message requestTo(Message parent, MessageType type, JsonNode content) {
        return new Message(parent.identities(), Header.create(type.wireName(), id, username), parent.header().toJson(),
                null, content, List.of());
    }
}
