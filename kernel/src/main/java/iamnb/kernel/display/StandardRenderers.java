package iamnb.kernel.display;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The renderers every kernel starts with, registered explicitly at start-up (no class-path
 * scanning), most specific first. Third-party classes join through their own
 * {@code toMimeBundle()} rather than through this list.
 */
public final class StandardRenderers {
    private StandardRenderers() {}

    /** Registers the standard renderers into {@code registry} and returns it. */
    public static RendererRegistry registerAll(RendererRegistry registry) {
        ObjectMapper json = DisplayJson.mapper();
        return registry
                .register(new MimeBundleMethodRenderer(json))
                .register(new TableRenderer())
                .register(new ColumnRenderer())
                .register(new ChartRenderer())
                .register(new ImageRenderer())
                .register(new JsonNodeRenderer(json))
                .register(new ScalarRenderer())
                .register(new CollectionRenderer())
                .register(new RecordRenderer(json));
    }
}
