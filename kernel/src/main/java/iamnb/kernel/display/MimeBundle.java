package iamnb.kernel.display;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A value rendered for Jupyter: mime type to data (a String, or a JSON-able Map/List for
 * {@code application/json}), plus per-type metadata (e.g. image sizes). Always carries {@code text/plain}
 * once it leaves the {@link Displayer}.
 */
public record MimeBundle(Map<String, Object> data, Map<String, Object> metadata) {

    public MimeBundle {
        data = Map.copyOf(data);
        metadata = Map.copyOf(metadata);
        if (data.isEmpty()) {
            throw new IllegalArgumentException("a mime bundle needs at least one mime type");
        }
    }

    public static MimeBundle text(String plain) {
        return new MimeBundle(Map.of("text/plain", plain), Map.of());
    }

    public static MimeBundle of(String mimeType, Object data) {
        return new MimeBundle(Map.of(mimeType, data), Map.of());
    }

    /** This bundle plus one more representation (replacing an existing one of the same type). */
    public MimeBundle with(String mimeType, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(data);
        more.put(mimeType, Objects.requireNonNull(value, mimeType));
        return new MimeBundle(more, metadata);
    }

    public String plainText() {
        Object plain = data.get("text/plain");
        return plain == null ? "" : plain.toString();
    }
}
