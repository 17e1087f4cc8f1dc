package iamnb.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy document, parsed once, in any shape IAM accepts.
 *
 * <p>Accepted shapes: {@code Statement} as one object or a list; every element as a string or a list;
 * {@code Principal} as {@code "*"} or an object; condition values as strings, numbers or booleans; the
 * document either as JSON (what the AWS CLI prints) or URL-encoded JSON (what the IAM API and the Java
 * SDK return). A literal {@code +} in an encoded document stays a {@code +}: IAM encodes spaces as
 * {@code %20}, so decoding never turns {@code +} into a space.
 *
 * <p>Two documents are equal when they parse to the same JSON tree, whatever their original encoding.
 *
 * @param version the {@code Version} element, or the empty string when absent (which IAM treats as 2008-10-17)
 * @param id the {@code Id} element, or the empty string
 * @param statements the statements in document order
 * @param json the decoded document as compact JSON, exactly as parsed (shapes preserved)
 */
public record PolicyDocument(String version, String id, List<Statement> statements, String json) {
    /** The current policy language version, the only one with policy variables. */
    public static final String VERSION_2012 = "2012-10-17";
    /**
     * The longest document the library accepts, in characters of decoded JSON: four times the largest AWS stores (a
     * KMS key policy, 32 KB; bucket policies 20 KB, managed policies 6,144 characters). A longer one is refused
     * before it is parsed, so a 10 MB "policy" costs neither seconds nor memory. URL-encoded text may be three
     * times as long before it is decoded.
     */
    public static final int MAX_LENGTH = 131_072;

    public PolicyDocument {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(id, "id");
        statements = List.copyOf(statements);
        Objects.requireNonNull(json, "json");
    }

    /**
     * Parses a policy document given as JSON text or URL-encoded JSON text.
     *
     * @throws iamnb.InvalidInputException naming the line, column or JSON path of the problem; also for a document
     *     longer than {@link #MAX_LENGTH} or nested deeper than {@link iamnb.internal.JsonInput#MAX_POLICY_DEPTH}
     */
    public static PolicyDocument parse(String text) {
        return PolicyDocumentParser.parse(text, "policy document");
    }

    /**
     * Parses a policy document, naming {@code origin} (a file, a policy ARN, a JSON path) in any error.
     */
    public static PolicyDocument parse(String text, String origin) {
        return PolicyDocumentParser.parse(text, origin);
    }

    /**
     * Parses a document found inside a larger JSON file: either an embedded object (CLI output) or a
     * string holding JSON or URL-encoded JSON (raw API output).
     */
    public static PolicyDocument fromJson(JsonNode node, String origin) {
        return PolicyDocumentParser.fromNode(node, origin);
    }

    /** Whether policy variables such as {@code ${aws:username}} are substituted (only under 2012-10-17). */
    public boolean supportsVariables() {
        return VERSION_2012.equals(version);
    }

    /** The statement with this Sid, if any. */
    public Optional<Statement> statement(String sid) {
        return statements.stream().filter(s -> s.sid().equals(sid)).findFirst();
    }

    /**
     * Checks the document against the AWS service catalogue: unknown actions and keys, resources of the wrong type,
     * wrong operators, redundant statements ({@link PolicyLint}).
     */
    public PolicyLint lint() {
        return PolicyLint.of(this);
    }

    /** The document as indented JSON, for display. */
    public String toPrettyJson() {
        return PolicyDocumentParser.pretty(json);
    }

    /**
     * How a notebook shows the document: indented JSON as text, and the JSON itself so that front ends with a
     * JSON viewer (JupyterLab, VS Code) can fold it. The kernel renders any object with this method.
     */
    public Map<String, Object> toMimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toPrettyJson());
        bundle.put("application/json", json);
        return bundle;
    }

    @Override
    public String toString() {
        return json;
    }
}
