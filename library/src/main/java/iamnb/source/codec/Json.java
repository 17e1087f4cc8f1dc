package iamnb.source.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.model.PolicyDocument;
import iamnb.source.internal.JsonAt;
import iamnb.source.internal.Times;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small JSON pieces more than one codec writes: tag lists, embedded policy documents, timestamps. */
final class Json {
    private Json() {}

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String TAGS = "Tags";
    static final String TAG_KEY = "Key";
    static final String TAG_VALUE = "Value";

    static ObjectNode object() {
        return F.objectNode();
    }

    static ArrayNode array() {
        return F.arrayNode();
    }

    /** IAM's {@code "Tags": [{"Key": k, "Value": v}]}, left out when there are none. */
    static void writeTags(ObjectNode n, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        ArrayNode t = n.putArray(TAGS);
        tags.forEach((k, v) -> t.addObject().put(TAG_KEY, k).put(TAG_VALUE, v));
    }

    static Map<String, String> readTags(JsonAt owner) {
        return owner.tags(TAGS);
    }

    /** A policy document embedded as JSON (the CLI's form). */
    static JsonNode document(PolicyDocument d) {
        try {
            return MAPPER.readTree(d.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed policy document is always valid JSON", e);
        }
    }

    static void putTime(ObjectNode n, String key, Instant t) {
        n.put(key, Times.format(t));
    }

    static void putTime(ObjectNode n, String key, Optional<Instant> t) {
        t.ifPresent(v -> putTime(n, key, v));
    }

    static void putStrings(ObjectNode n, String key, List<String> values) {
        ArrayNode a = n.putArray(key);
        values.forEach(a::add);
    }
}
