package iamnb.kernel.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns {@link Message}s into ZeroMQ frames and back:
 * {@code [identities..., "<IDS|MSG>", signature, header, parent_header, metadata, content, buffers...]}; and
 * binds message content to the {@link Content} records.
 *
 * <p>This is the one place where JSON meets the wire, so the protocol's conventions live here: snake_case
 * names and lowercase enums for every content record, absent rather than null optional fields, and text that
 * is valid Unicode (lone surrogates replaced, see {@link ValidUnicode}) in every message sent.
 *
 * <p>Decoding refuses, in this order and before acting on anything: frames without the delimiter, a missing or
 * wrong signature, a signature already seen (a replay, see {@link DigestHistory}), an unreadable header (all
 * {@link InvalidMessageException}: no answer is possible or wise); then a message over the size limit or with
 * parts that are not JSON ({@link RejectedMessageException}: the header was readable, so the sender can be
 * told).
 */
public final class WireCodec {
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    /** The default limit on an incoming message, all frames together: far above any cell JShell can compile. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private final Signer signer;
    private final int maxMessageBytes;
    private final ObjectMapper json;
    private final DigestHistory digests;

    public WireCodec(Signer signer) {
        this(signer, DEFAULT_MAX_MESSAGE_BYTES);
    }

    public WireCodec(Signer signer, int maxMessageBytes) {
        this(signer, maxMessageBytes, DigestHistory.DEFAULT_CAPACITY);
    }

    WireCodec(Signer signer, int maxMessageBytes, int digestHistoryCapacity) {
        if (maxMessageBytes < 1024) {
            throw new ProtocolException("the message size limit must be at least 1024 bytes, got " + maxMessageBytes);
        }
        this.signer = signer;
        this.maxMessageBytes = maxMessageBytes;
        this.json = protocolMapper(maxMessageBytes);
        this.digests = new DigestHistory(digestHistoryCapacity);
    }

    /**
     * The protocol's JSON binding. Jackson's own read limits (20 M characters per string since 2.15) would drop
     * a large but allowed message with a parse error; they are set from the message limit instead, which is
     * checked first and named in the reply.
     */
    private static ObjectMapper protocolMapper(int maxMessageBytes) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxMessageBytes)
                        .maxStringLength(maxMessageBytes)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.ALWAYS))
                .build();
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** {@code content} as the JSON that goes on the wire. */
    public JsonNode toJson(Content content) {
        return json.valueToTree(content);
    }

    /**
     * The content of {@code message} as its type's record.
     *
     * @throws RejectedMessageException when a field has the wrong shape (e.g. {@code "code": {}})
     */
    public <T extends Content> T content(Message message, Class<T> type) {
        try {
            return json.treeToValue(message.content(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RejectedMessageException(message, "InvalidContent", "the content of " + message.type()
                    + " does not fit the messaging spec" + fieldOf(e) + ": " + firstLine(e.getMessage()), e);
        }
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
        if (signer.enabled() && !digests.firstSighting(signature)) {
            throw new InvalidMessageException("replayed message: its signature "
                    + new String(signature, StandardCharsets.US_ASCII) + " was seen before; not run again");
        }
        Message sender = new Message(frames.subList(0, delimiter), header(parts.get(0)), null, null, null, List.of());
        long size = frames.stream().mapToLong(f -> f.length).sum();
        if (size > maxMessageBytes) {
            throw new RejectedMessageException(sender, "MessageTooLarge", sender.type() + " is " + size
                    + " bytes, over the kernel's limit of " + maxMessageBytes
                    + " bytes per message (IAMNB_MAX_MESSAGE_BYTES sets it)", null);
        }
        return new Message(sender.identities(), sender.header(), object(parts.get(1), "parent_header", sender),
                object(parts.get(2), "metadata", sender), object(parts.get(3), "content", sender),
                frames.subList(delimiter + 6, frames.size()));
    }

    private Header header(byte[] part) {
        if (part.length > maxMessageBytes) {
            throw new InvalidMessageException("header is " + part.length + " bytes, over the limit of "
                    + maxMessageBytes);
        }
        try {
            return Header.fromJson(json.readTree(part));
        } catch (IOException e) {
            throw new InvalidMessageException("header is not valid JSON: " + firstLine(e.getMessage()), e);
        }
    }

    private JsonNode object(byte[] part, String name, Message sender) {
        JsonNode node;
        try {
            node = json.readTree(part);
        } catch (IOException e) {
            throw new RejectedMessageException(sender, "InvalidMessage", "the " + name + " of " + sender.type()
                    + " is not valid JSON: " + firstLine(e.getMessage()), e);
        }
        if (node == null || node.isMissingNode()) {
            return Message.emptyObject();
        }
        if (!node.isObject()) {
            throw new RejectedMessageException(sender, "InvalidMessage", "the " + name + " of " + sender.type()
                    + " is not a JSON object", null);
        }
        return node;
    }

    /** UTF-8 of the JSON, with lone surrogates replaced: whatever a cell produced, a front end can store it. */
    private byte[] bytes(JsonNode node) {
        try {
            return ValidUnicode.of(json.writeValueAsString(node)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("cannot serialise message part: " + e.getMessage(), e);
        }
    }

    /** " at field 'code'" when Jackson knows which field was wrong. */
    private static String fieldOf(Exception e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (var ref : m.getPath()) {
                path.append(path.length() == 0 ? "" : ".")
                        .append(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
            }
            return " at field '" + path + "'";
        }
        return "";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
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
