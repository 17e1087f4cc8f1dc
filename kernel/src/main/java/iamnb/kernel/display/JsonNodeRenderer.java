package iamnb.kernel.display;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Jackson trees as application/json (a JSON value on the wire, which JupyterLab shows as a
 * collapsible tree) and pretty-printed text/plain.
 */
public final class JsonNodeRenderer implements Renderer {

    private final ObjectMapper json;

    public JsonNodeRenderer(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Optional<MimeBundle> render(Object value) {
        return value instanceof JsonNode node ? Optional.of(bundle(json, node)) : Optional.empty();
    }

    static MimeBundle bundle(ObjectMapper json, JsonNode node) {
        try {
            String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
            return MimeBundle.of(MimeTypes.JSON, node)
                    .with(MimeTypes.TEXT, pretty.length() > PlainText.MAX_CHARS
                            ? pretty.substring(0, PlainText.MAX_CHARS) + "…" : pretty);
        } catch (JsonProcessingException e) {
            throw new RenderException("could not write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
