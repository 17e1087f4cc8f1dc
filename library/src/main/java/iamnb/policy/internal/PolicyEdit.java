package iamnb.policy.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.model.PolicyDocument;
import java.util.List;
import java.util.Optional;

/**
 * Edits of a policy document as JSON — add, replace or remove one statement — each giving a new document, so
 * that a proposed change can be evaluated before anyone makes it. The other statements keep their JSON as written.
 */
public final class PolicyEdit {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PolicyEdit() {}

    /** A copy of the statement at {@code index} (its position in the document, from 0). */
    public static ObjectNode statement(PolicyDocument doc, int index) {
        return (ObjectNode) statements(root(doc)).get(index).deepCopy();
    }

    /** The document with one more statement at the end. */
    public static PolicyDocument append(PolicyDocument doc, ObjectNode statement) {
        ObjectNode root = root(doc);
        ArrayNode list = statements(root);
        list.add(statement);
        root.set("Statement", list);
        return parse(root);
    }

    /** The document with the statement at {@code index} replaced. */
    public static PolicyDocument replace(PolicyDocument doc, int index, ObjectNode statement) {
        ObjectNode root = root(doc);
        ArrayNode list = statements(root);
        list.set(index, statement);
        root.set("Statement", list);
        return parse(root);
    }

    /** The document without the statement at {@code index}; empty when it was the only one. */
    public static Optional<PolicyDocument> remove(PolicyDocument doc, int index) {
        ObjectNode root = root(doc);
        ArrayNode list = statements(root);
        if (list.size() <= 1) {
            return Optional.empty();
        }
        list.remove(index);
        root.set("Statement", list);
        return Optional.of(parse(root));
    }

    /** A new 2012-10-17 document holding these statements. */
    public static PolicyDocument document(List<ObjectNode> statements) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("Version", PolicyDocument.VERSION_2012);
        ArrayNode list = root.putArray("Statement");
        statements.forEach(list::add);
        return parse(root);
    }

    /** An empty statement object to fill in. */
    public static ObjectNode newStatement() {
        return MAPPER.createObjectNode();
    }

    /** A string, or an array when there are several values (IAM accepts both). */
    public static JsonNode values(List<String> values) {
        if (values.size() == 1) {
            return MAPPER.getNodeFactory().textNode(values.get(0));
        }
        ArrayNode a = MAPPER.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    /** Compact JSON of one statement, for showing the exact change. */
    public static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a statement built in memory could not be written as JSON", e);
        }
    }

    private static ObjectNode root(PolicyDocument doc) {
        try {
            return (ObjectNode) MAPPER.readTree(doc.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed policy document is no longer valid JSON", e);
        }
    }

    private static ArrayNode statements(ObjectNode root) {
        JsonNode s = root.get("Statement");
        if (s instanceof ArrayNode a) {
            return a;
        }
        ArrayNode a = MAPPER.createArrayNode();
        if (s != null) {
            a.add(s);
        }
        return a;
    }

    private static PolicyDocument parse(ObjectNode root) {
        return PolicyDocument.parse(json(root), "proposed change");
    }
}
