package iamnb.kernel.display;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Jackson trees (the kernel's, or those of a notebook's own Jackson added with %maven) as application/json
 * (a JSON value on the wire, which JupyterLab shows as a collapsible tree) and pretty-printed text/plain.
 */
public final class JsonNodeRenderer implements Renderer {

    private final ObjectMapper json;

    public JsonNodeRenderer(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Optional<MimeBundle> render(Object value) {
        if (value instanceof JsonNode node) {
            return Optional.of(bundle(json, node));
        }
        // A tree of the notebook's own Jackson (%maven): the kernel's Jackson is relocated, so it is another class.
        return ForeignJsonTrees.isForeignTree(value.getClass())
                ? Optional.of(bundle(json, json.valueToTree(value))) : Optional.empty();
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
