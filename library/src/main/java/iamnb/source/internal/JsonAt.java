package iamnb.source.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import iamnb.InvalidInputException;
import iamnb.model.PolicyDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON node that knows where it is: the file, the line its enclosing element started on, and its JSON
 * path. Every accessor that finds the wrong shape throws an {@link InvalidInputException} naming all three.
 *
 * <p>Field names are matched exactly first, then ignoring case, so the PascalCase of the AWS CLI and
 * the camelCase of SDK serializations both read.
 */
public final class JsonAt {
    private final JsonNode node;
    private final String file;
    private final int line;
    /** The path is built only when a message needs it: {@code parent.path() + segment}. */
    private final JsonAt parent;
    private final String segment;

    public JsonAt(JsonNode node, String file, int line, String path) {
        this(node, file, line, null, path);
    }

    private JsonAt(JsonNode node, String file, int line, JsonAt parent, String segment) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.file = file;
        this.line = line;
        this.parent = parent;
        this.segment = segment;
    }

    public static JsonAt root(JsonNode node, String file) {
        return new JsonAt(node, file, 0, "$");
    }

    public JsonNode node() {
        return node;
    }

    public String path() {
        return parent == null ? segment : parent.path() + segment;
    }

    public String file() {
        return file;
    }

    public boolean isMissing() {
        return node.isMissingNode() || node.isNull();
    }

    /** Where this node is, for messages: {@code gaad.json line 12: $.UserDetailList[3]}. */
    public String where() {
        return file + (line > 0 ? " line " + line : "") + ": " + path();
    }

    public InvalidInputException error(String problem) {
        return new InvalidInputException(where() + ": " + problem);
    }

    public JsonAt get(String field) {
        JsonNode child = node.get(field);
        if (child == null && node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().equalsIgnoreCase(field)) {
                    child = e.getValue();
                    break;
                }
            }
        }
        return new JsonAt(child, file, line, this, "." + field);
    }

    public boolean has(String field) {
        return !get(field).isMissing();
    }

    public JsonAt at(int index) {
        return new JsonAt(node.get(index), file, line, this, "[" + index + "]");
    }

    public JsonAt withLine(int newLine) {
        return new JsonAt(node, file, newLine, parent, segment);
    }

    /** A required string. */
    public String text(String field) {
        JsonAt v = get(field);
        if (v.isMissing()) {
            throw v.error("is missing");
        }
        return v.asText();
    }

    public String optText(String field) {
        JsonAt v = get(field);
        return v.isMissing() ? "" : v.asText();
    }

    public String asText() {
        if (!node.isValueNode()) {
            throw error("must be a string, found " + kind());
        }
        return node.asText();
    }

    public Instant instant(String field) {
        JsonAt v = get(field);
        if (v.isMissing()) {
            throw v.error("is missing; expected a timestamp such as 2024-01-15T10:00:00+00:00");
        }
        return v.asInstant();
    }

    public Optional<Instant> optInstant(String field) {
        JsonAt v = get(field);
        return v.isMissing() ? Optional.empty() : Optional.of(v.asInstant());
    }

    public Instant asInstant() {
        if (!node.isValueNode()) {
            throw error("must be a timestamp, found " + kind());
        }
        return Times.parse(node.asText()).orElseThrow(() ->
                error("\"" + node.asText() + "\" is not a timestamp; expected e.g. 2024-01-15T10:00:00+00:00"));
    }

    public boolean bool(String field, boolean fallback) {
        JsonAt v = get(field);
        if (v.isMissing()) {
            return fallback;
        }
        if (v.node.isBoolean()) {
            return v.node.booleanValue();
        }
        String t = v.node.asText();
        if ("true".equalsIgnoreCase(t) || "false".equalsIgnoreCase(t)) {
            return Boolean.parseBoolean(t);
        }
        throw v.error("must be true or false, found \"" + t + "\"");
    }

    public Optional<Boolean> optBool(String field) {
        return has(field) ? Optional.of(bool(field, false)) : Optional.empty();
    }

    public int integer(String field, int fallback) {
        JsonAt v = get(field);
        if (v.isMissing()) {
            return fallback;
        }
        if (v.node.canConvertToInt() && v.node.isIntegralNumber()) {
            return v.node.intValue();
        }
        try {
            return Integer.parseInt(v.node.asText().trim());
        } catch (NumberFormatException e) {
            throw v.error("must be a whole number, found \"" + v.node.asText() + "\"");
        }
    }

    /** The elements of an array field; an absent field is an empty list. */
    public List<JsonAt> list(String field) {
        return get(field).elements();
    }

    public List<JsonAt> elements() {
        if (isMissing()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error("must be a list, found " + kind());
        }
        List<JsonAt> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(at(i));
        }
        return out;
    }

    /** A string-or-list field as strings (absent is empty). */
    public List<String> strings(String field) {
        JsonAt v = get(field);
        if (v.isMissing()) {
            return List.of();
        }
        if (v.node.isArray()) {
            return v.elements().stream().map(JsonAt::asText).toList();
        }
        return List.of(v.asText());
    }

    /** Object fields in order. */
    public Map<String, JsonAt> fields() {
        if (isMissing()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw error("must be an object, found " + kind());
        }
        Map<String, JsonAt> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(),
                new JsonAt(e.getValue(), file, line, this, "." + e.getKey())));
        return out;
    }

    /** IAM's {@code [{"Key": k, "Value": v}]} tag lists. */
    public Map<String, String> tags(String field) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonAt t : list(field)) {
            tags.put(t.text("Key"), t.optText("Value"));
        }
        return tags;
    }

    /** A policy document embedded as an object (CLI) or a string holding (URL-encoded) JSON (raw API). */
    public PolicyDocument policy(String field) {
        JsonAt v = get(field);
        if (v.isMissing()) {
            throw v.error("is missing; expected a policy document");
        }
        return v.asPolicy();
    }

    public PolicyDocument asPolicy() {
        return PolicyDocument.fromJson(node, where());
    }

    public String kind() {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
