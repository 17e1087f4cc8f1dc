package iamnb.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place secrets are dropped. A snapshot is someone else's input and a live answer may carry more than
 * we asked for, so the model's records pass free text and JSON payloads through here when they are built: a
 * secret never reaches the model, so nothing can render or save it.
 *
 * <p>Two rules. <b>Fields</b>: a JSON field whose name is one of {@link #SECRET_FIELDS} (any case, at any depth)
 * has its value replaced by {@link #MARKER}. That covers CloudTrail's {@code responseElements.credentials
 * .secretAccessKey} and {@code .sessionToken} (AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity,
 * GetSessionToken, GetFederationToken), {@code requestParameters.password}, {@code newPassword} and {@code
 * oldPassword} (CreateLoginProfile, UpdateLoginProfile, ChangePassword), and {@code AccessKey.SecretAccessKey} of
 * {@code create-access-key} output. <b>Shapes</b>: any string that looks like an AWS secret access key (40
 * characters of base64 with upper and lower case and digits) or a session token (100 or more such characters)
 * is replaced by the marker, in JSON payloads and in free text (tags, descriptions, error messages).
 */
public final class Sanitiser {
    private Sanitiser() {}

    /** What a dropped secret reads as, so a reader sees that something was removed. */
    public static final String MARKER = "<secret removed by iamnb>";

    /** JSON field names (lower case) whose values are secrets wherever they appear. */
    public static final Set<String> SECRET_FIELDS = Set.of("secretaccesskey", "sessiontoken", "password",
            "newpassword", "oldpassword", "privatekey");

    /** The paths the field rule is there for, as documented; the rule itself matches the names at any depth. */
    public static final List<String> DOCUMENTED_PATHS = List.of(
            "CloudTrail responseElements.credentials.secretAccessKey",
            "CloudTrail responseElements.credentials.sessionToken",
            "CloudTrail requestParameters.password / newPassword / oldPassword",
            "create-access-key AccessKey.SecretAccessKey",
            "sts Credentials.SecretAccessKey / SessionToken");

    private static final String B64 = "A-Za-z0-9/+";
    private static final Pattern SECRET_KEY = Pattern.compile("(?<![" + B64 + "])[" + B64 + "]{40}(?![" + B64 + "=])");
    private static final Pattern SESSION_TOKEN = Pattern.compile("(?<![" + B64 + "])[" + B64 + "]{100,}={0,2}(?![" + B64 + "=])");
    /** Within the snapshot files' nesting limit, so {@link #scrub} never recurses deeply; deeper is treated as text. */
    private static final ObjectMapper JSON = iamnb.internal.JsonInput.fileMapper();

    /** Free text with every secret-shaped value replaced by the marker. */
    public static String text(String value) {
        if (value == null || value.length() < 40) {
            return value;
        }
        return replaceShapes(replaceShapes(value, SESSION_TOKEN), SECRET_KEY);
    }

    /** Whether the text holds a secret-shaped value. */
    public static boolean looksSecret(String value) {
        return value != null && !text(value).equals(value);
    }

    /** Tags with secret-shaped values masked (keys are names, and kept). */
    public static Map<String, String> tags(Map<String, String> tags) {
        if (tags == null || tags.values().stream().noneMatch(Sanitiser::looksSecret)) {
            return tags;
        }
        Map<String, String> out = new LinkedHashMap<>();
        tags.forEach((k, v) -> out.put(k, text(v)));
        return out;
    }

    /**
     * A JSON payload (a CloudTrail record, request parameters) with secret fields and secret-shaped values
     * replaced by the marker. A payload with nothing to drop comes back as the same string, byte for byte; one
     * that is not JSON is treated as free text.
     */
    public static String json(String payload) {
        if (payload == null || payload.isEmpty()) {
            return payload;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return text(payload);
        }
        if (tree == null || !scrub(tree)) {
            return payload;
        }
        return tree.toString();
    }

    /** Replaces secrets in place; true when anything was replaced. */
    private static boolean scrub(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (SECRET_FIELDS.contains(e.getKey().toLowerCase(Locale.ROOT)) && !v.isNull()
                        && !MARKER.equals(v.asText())) {
                    e.setValue(TextNode.valueOf(MARKER));
                    changed = true;
                } else if (v.isTextual() && looksSecret(v.asText())) {
                    e.setValue(TextNode.valueOf(text(v.asText())));
                    changed = true;
                } else {
                    changed |= scrub(v);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                if (v.isTextual() && looksSecret(v.asText())) {
                    a.set(i, TextNode.valueOf(text(v.asText())));
                    changed = true;
                } else {
                    changed |= scrub(v);
                }
            }
        }
        return changed;
    }

    /** Replaces matches that mix upper case, lower case and digits, as generated secrets do (hex digests do not). */
    private static String replaceShapes(String value, Pattern shape) {
        Matcher m = shape.matcher(value);
        StringBuilder out = new StringBuilder();
        boolean any = false;
        while (m.find()) {
            String s = m.group();
            boolean mixed = s.chars().anyMatch(Character::isUpperCase) && s.chars().anyMatch(Character::isLowerCase)
                    && s.chars().anyMatch(Character::isDigit);
            m.appendReplacement(out, Matcher.quoteReplacement(mixed ? MARKER : s));
            any |= mixed;
        }
        m.appendTail(out);
        return any ? out.toString() : value;
    }
}
