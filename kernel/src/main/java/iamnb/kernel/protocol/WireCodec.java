package iamnb.kernel.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns {@link Message}s into ZeroMQ frames and back:
 * {@code [identities..., "<IDS|MSG>", signature, header, parent_header, metadata, content, buffers...]}.
 *
 * <p>Decoding checks the signature before parsing any JSON, so an unsigned or forged message is never acted on.
 */
public final class WireCodec {
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    private final Signer signer;
    private final ObjectMapper json;

    public WireCodec(Signer signer, ObjectMapper json) {
        this.signer = signer;
        this.json = json;
    }

    public List<byte[]> encode(Message message) {
        List<byte[]> parts = List.of(
                bytes(message.header().toJson()),
                bytes(message.parentHeader()),
                bytes(message.metadata()),
                bytes(message.content()));
        List<byte[]> frames = new ArrayList<>(message.identities().size() + 6 + message.buffers().size());
        frames.addAll(message.identities());
        frames.add(DELIMITER);
        frames.add(signer.sign(parts));
        frames.addAll(parts);
        frames.addAll(message.buffers());
        return frames;
    }

    public Message decode(List<byte[]> frames) {
        int delimiter = indexOfDelimiter(frames);
        if (delimiter < 0) {
            throw new InvalidMessageException("no <IDS|MSG> delimiter among " + frames.size() + " frames");
        }
        if (frames.size() < delimiter + 6) {
            throw new InvalidMessageException("message has " + (frames.size() - delimiter - 1)
                    + " frames after <IDS|MSG>, needs at least 5");
        }
        byte[] signature = frames.get(delimiter + 1);
        List<byte[]> parts = frames.subList(delimiter + 2, delimiter + 6);
        if (signer.enabled() && signature.length == 0) {
            throw new InvalidMessageException("missing signature (the kernel was started with a key)");
        }
        if (!signer.verify(signature, parts)) {
            throw new InvalidMessageException("bad signature");
        }
        try {
            Header header = Header.fromJson(json.readTree(parts.get(0)));
            return new Message(frames.subList(0, delimiter), header, object(parts.get(1), "parent_header"),
                    object(parts.get(2), "metadata"), object(parts.get(3), "content"),
                    frames.subList(delimiter + 6, frames.size()));
        } catch (IOException e) {
            throw new InvalidMessageException("message is not valid JSON: " + e.getMessage(), e);
        }
    }

    private JsonNode object(byte[] part, String name) throws IOException {
        JsonNode node = json.readTree(part);
        if (node == null || node.isMissingNode()) {
            return Message.emptyObject();
        }
        if (!node.isObject()) {
            throw new InvalidMessageException(name + " is not a JSON object");
        }
        return node;
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("cannot serialise message part: " + e.getMessage(), e);
        }
    }

    private static int indexOfDelimiter(List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                return i;
            }
        }
        return -1;
    }
}
