package iamnb.kernel.display.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Objects;

/**
 * JSON shown as a JSON tree (application/json) with pretty text for consoles:
 * {@code Json.of("{\"a\": 1}")} parses text, {@code Json.of(map)} converts any value.
 */
public record Json(JsonNode node) {

    public Json {
        Objects.requireNonNull(node, "JSON node must not be null");
    }

    /** Parses JSON text; a syntax error names the line and column. */
    public static Json of(String text) {
        try {
            return new Json(Mapper.JSON.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
    }

    /** Converts a map, list, record or bean to its JSON tree. */
    public static Json of(Object value) {
        if (value instanceof String text) {
            return of(text);
        }
        if (value instanceof JsonNode node) {
            return new Json(node);
        }
        return new Json(Mapper.JSON.valueToTree(value));
    }

    public Map<String, Object> toMimeBundle() {
        return Map.of("application/json", node, "text/plain", node.toPrettyString());
    }

    /** Built on first use only, so start-up never pays for it. */
    private static final class Mapper {
        static final ObjectMapper JSON = iamnb.kernel.display.DisplayJson.mapper();
    }
}
