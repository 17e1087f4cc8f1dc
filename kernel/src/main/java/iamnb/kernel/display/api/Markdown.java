package iamnb.kernel.display.api;

import java.util.Map;
import java.util.Objects;

/** Markdown text shown rendered: {@code display(new Markdown("**3** admins found"))}. */
public record Markdown(String text) {

    public Markdown {
        Objects.requireNonNull(text, "Markdown text must not be null");
    }

    public static Markdown of(String text) {
        return new Markdown(text);
    }

    public Map<String, Object> toMimeBundle() {
        return Map.of("text/markdown", text, "text/plain", text);
    }
}
