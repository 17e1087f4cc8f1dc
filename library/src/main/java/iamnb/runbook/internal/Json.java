package iamnb.runbook.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.InvalidInputException;
import java.util.List;

/**
 * The JSON the runbooks write: policy documents and event patterns built as ordered trees, printed the way
 * the AWS documentation prints them (two-space indent, {@code "Key": value}). The pretty text is what a plan
 * shows and what {@code apply()} sends, so the reviewer reads exactly the bytes IAM receives.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A single value stays a string, several become an array: the shape the seed's documents use. */
    public static JsonNode oneOrMany(List<String> values) {
        if (values.size() == 1) {
            return MAPPER.getNodeFactory().textNode(values.get(0));
        }
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    public static ArrayNode array(List<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The same document on one line, for shell commands. */
    public static String compact(String json) {
        try {
            return MAPPER.writeValueAsString(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Whether the text parses as a JSON object (used to show parameters as documents, not as strings). */
    public static boolean isObject(String text) {
        String t = text.strip();
        if (!t.startsWith("{")) {
            return false;
        }
        try {
            return MAPPER.readTree(t).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
