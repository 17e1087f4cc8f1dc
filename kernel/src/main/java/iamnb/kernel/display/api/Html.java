package iamnb.kernel.display.api;

import java.util.Map;
import java.util.Objects;

/**
 * HTML shown as HTML: {@code display(Html.of("<b>careful</b>"))}. The text/plain fallback
 * (for consoles) is the same markup with its tags removed.
 */
public record Html(String html) {

    public Html {
        Objects.requireNonNull(html, "HTML text must not be null");
    }

    public static Html of(String html) {
        return new Html(html);
    }

    public Map<String, Object> toMimeBundle() {
        String plain = html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", "")
                .replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&")
                .strip();
        return Map.of("text/html", html, "text/plain", plain);
    }
}
