package iamnb.kernel.display;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Records, and plain objects whose {@code toString()} is still Object's useless
 * {@code Type@hash}, as application/json (their properties, via Jackson) plus a text/plain of
 * the type name and the pretty JSON. JDK classes are left to their own toString. A value
 * Jackson cannot write (a cycle, no properties, too large) quietly falls back to text.
 */
public final class RecordRenderer implements Renderer {

    private static final int MAX_JSON_CHARS = 500_000;

    private final ObjectMapper json;

    public RecordRenderer(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Optional<MimeBundle> render(Object value) {
        return supports(value) ? json(value) : Optional.empty();
    }

    private static boolean supports(Object value) {
        Class<?> type = value.getClass();
        if (type.isRecord()) {
            return true;
        }
        String name = type.getName();
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.") || type.isSynthetic()
                || type.isArray() || type.isEnum()) {
            return false;
        }
        try {
            return type.getMethod("toString").getDeclaringClass() == Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private Optional<MimeBundle> json(Object value) {
        try {
            String compact = json.writeValueAsString(value);
            if (compact.length() > MAX_JSON_CHARS) {
                return Optional.empty(); // too large to be useful as JSON; the text fallback cuts it
            }
            JsonNode node = json.readTree(compact);
            if (node.isObject() && node.isEmpty() && !value.getClass().isRecord()) {
                return Optional.empty(); // no properties: nothing better than the text fallback
            }
            String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
            return Optional.of(MimeBundle.of(MimeTypes.JSON, node)
                    .with(MimeTypes.TEXT, value.getClass().getSimpleName() + " " + pretty));
        } catch (JsonProcessingException | StackOverflowError e) {
            return Optional.empty(); // not a bug, just not a JSON-shaped value: leave it to toString()
        }
    }
}
