package iamnb.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import iamnb.InvalidInputException;
import iamnb.internal.JsonInput;
import iamnb.internal.StrictText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns policy JSON (plain or URL-encoded) into a {@link PolicyDocument}; every error names its JSON path. */
final class PolicyDocumentParser {
    /** Parses with the policy limits (nesting); the same for documents from files and from IAM's API. */
    private static final ObjectMapper MAPPER = JsonInput.policyMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> STATEMENT_KEYS = Set.of(
            "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource",
            "Principal", "NotPrincipal", "Condition");

    private PolicyDocumentParser() {}

    static PolicyDocument parse(String text, String origin) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(origin + ": the policy document is empty");
        }
        boolean encoded = looksUrlEncoded(text);
        checkLength(text.length(), encoded ? 3L * PolicyDocument.MAX_LENGTH : PolicyDocument.MAX_LENGTH, origin,
                encoded ? "URL-encoded characters" : "characters");
        String json = encoded ? percentDecode(text.trim(), origin) : text;
        checkLength(json.length(), PolicyDocument.MAX_LENGTH, origin, "characters");
        JsonNode root = JsonInput.readTree(MAPPER, json, origin);
        return fromNode(root, origin);
    }

    private static void checkLength(long length, long limit, String origin, String unit) {
        if (length > limit) {
            throw new InvalidInputException(origin + ": the policy document has " + String.format("%,d", length) + " "
                    + unit + ", more than the limit of " + String.format("%,d", limit) + " (AWS's largest, a KMS key"
                    + " policy, has 32,768); refused unread");
        }
    }

    static PolicyDocument fromNode(JsonNode node, String origin) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new InvalidInputException(origin + ": $ is null; expected a policy document");
        }
        if (node.isTextual()) {
            return parse(node.asText(), origin);
        }
        if (!node.isObject()) {
            throw new InvalidInputException(origin + ": $ must be a JSON object (a policy document), found " + kind(node));
        }
        String json = compact(node);
        checkLength(json.length(), PolicyDocument.MAX_LENGTH, origin, "characters");
        String version = optionalText(node, "Version", origin, "$");
        String id = optionalText(node, "Id", origin, "$");
        JsonNode statementNode = node.get("Statement");
        if (statementNode == null) {
            throw new InvalidInputException(origin + ": $.Statement is missing; a policy needs at least one statement");
        }
        List<Statement> statements = new ArrayList<>();
        if (statementNode.isArray()) {
            for (int i = 0; i < statementNode.size(); i++) {
                statements.add(statement(statementNode.get(i), i, origin, "$.Statement[" + i + "]"));
            }
        } else {
            statements.add(statement(statementNode, 0, origin, "$.Statement"));
        }
        return new PolicyDocument(version, id, statements, json);
    }

    private static Statement statement(JsonNode node, int index, String origin, String path) {
        if (!node.isObject()) {
            throw new InvalidInputException(origin + ": " + path + " must be an object, found " + kind(node));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!STATEMENT_KEYS.contains(name)) {
                throw new InvalidInputException(origin + ": " + path + " has an unknown element \"" + name
                        + "\"; IAM allows " + String.join(", ", new java.util.TreeSet<>(STATEMENT_KEYS)));
            }
        }
        String sid = optionalText(node, "Sid", origin, path);
        Effect effect = effect(node.get("Effect"), origin, path + ".Effect");

        boolean notAction = node.has("NotAction");
        if (notAction == node.has("Action")) {
            throw new InvalidInputException(origin + ": " + path
                    + " must have exactly one of Action or NotAction");
        }
        List<String> actions = strings(node.get(notAction ? "NotAction" : "Action"), origin,
                path + (notAction ? ".NotAction" : ".Action"));

        boolean notResource = node.has("NotResource");
        if (notResource && node.has("Resource")) {
            throw new InvalidInputException(origin + ": " + path + " has both Resource and NotResource");
        }
        List<String> resources = node.has("Resource") || notResource
                ? strings(node.get(notResource ? "NotResource" : "Resource"), origin,
                        path + (notResource ? ".NotResource" : ".Resource"))
                : List.of();

        boolean notPrincipal = node.has("NotPrincipal");
        if (notPrincipal && node.has("Principal")) {
            throw new InvalidInputException(origin + ": " + path + " has both Principal and NotPrincipal");
        }
        Optional<Principal> principal = node.has("Principal") || notPrincipal
                ? Optional.of(principal(node.get(notPrincipal ? "NotPrincipal" : "Principal"), origin,
                        path + (notPrincipal ? ".NotPrincipal" : ".Principal")))
                : Optional.empty();

        List<Condition> conditions = conditions(node.get("Condition"), origin, path + ".Condition");
        return new Statement(index, sid, effect, actions, notAction, resources, notResource,
                principal, notPrincipal, conditions);
    }

    private static Effect effect(JsonNode node, String origin, String path) {
        if (node == null) {
            throw new InvalidInputException(origin + ": " + path + " is missing; use \"Allow\" or \"Deny\"");
        }
        String text = node.asText();
        if ("Allow".equals(text)) {
            return Effect.ALLOW;
        }
        if ("Deny".equals(text)) {
            return Effect.DENY;
        }
        throw new InvalidInputException(origin + ": " + path + " is \"" + text
                + "\"; IAM accepts exactly \"Allow\" or \"Deny\"");
    }

    private static Principal principal(JsonNode node, String origin, String path) {
        if (node.isTextual()) {
            if (!"*".equals(node.asText())) {
                throw new InvalidInputException(origin + ": " + path + " is \"" + node.asText()
                        + "\"; as a plain string only \"*\" is allowed, otherwise use {\"AWS\": ...}");
            }
            return Principal.everyone();
        }
        if (!node.isObject()) {
            throw new InvalidInputException(origin + ": " + path + " must be \"*\" or an object, found " + kind(node));
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e ->
                values.put(e.getKey(), strings(e.getValue(), origin, path + "." + e.getKey())));
        return new Principal(false, values);
    }

    private static List<Condition> conditions(JsonNode node, String origin, String path) {
        if (node == null) {
            return List.of();
        }
        if (!node.isObject()) {
            throw new InvalidInputException(origin + ": " + path + " must be an object, found " + kind(node));
        }
        List<Condition> conditions = new ArrayList<>();
        node.fields().forEachRemaining(op -> {
            String opPath = path + "." + op.getKey();
            if (!op.getValue().isObject()) {
                throw new InvalidInputException(origin + ": " + opPath
                        + " must map condition keys to values, found " + kind(op.getValue()));
            }
            op.getValue().fields().forEachRemaining(key -> conditions.add(new Condition(
                    op.getKey(), key.getKey(), strings(key.getValue(), origin, opPath + "." + key.getKey()))));
        });
        return conditions;
    }

    /** A string, number or boolean, or a list of them, as strings. */
    private static List<String> strings(JsonNode node, String origin, String path) {
        if (node == null || node.isNull()) {
            throw new InvalidInputException(origin + ": " + path + " is null");
        }
        if (node.isArray()) {
            List<String> out = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                out.add(scalar(node.get(i), origin, path + "[" + i + "]"));
            }
            return out;
        }
        return List.of(scalar(node, origin, path));
    }

    private static String scalar(JsonNode node, String origin, String path) {
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw new InvalidInputException(origin + ": " + path + " must be a string or a list of strings, found " + kind(node));
    }

    private static String optionalText(JsonNode node, String field, String origin, String path) {
        JsonNode value = node.get(field);
        if (value == null) {
            return "";
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(origin + ": " + path + "." + field + " must be a string, found " + kind(value));
        }
        return value.asText();
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** URL-encoded documents never start with '{' and always carry %XX escapes. */
    static boolean looksUrlEncoded(String text) {
        String t = text.trim();
        return !t.startsWith("{") && t.indexOf('%') >= 0;
    }

    /**
     * Decodes %XX escapes as UTF-8 and leaves every other character alone. Unlike
     * {@link java.net.URLDecoder}, a '+' stays a '+': IAM writes spaces as %20.
     */
    static String percentDecode(String text, String origin) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new InvalidInputException(origin + ": truncated %-escape at character " + i + " of the URL-encoded document");
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new InvalidInputException(origin + ": bad %-escape \"" + text.substring(i, i + 3)
                            + "\" at character " + i + " of the URL-encoded document");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                int end = text.indexOf('%', i);
                end = end < 0 ? text.length() : end;
                byte[] utf8 = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i = end - 1;
            }
        }
        return StrictText.decode(bytes.toByteArray(), bytes.size(), origin + " (after URL-decoding)");
    }

    private static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pretty(String json) {
        try {
            return PRETTY.writeValueAsString(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
