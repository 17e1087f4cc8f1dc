package iamnb.kernel.display;

import java.util.Optional;

/**
 * Turns some values into a mime bundle. The seam for rich output: tables, charts, images, JSON, HTML.
 *
 * <p>Renderers are tried in registration order by the {@link Displayer}; the first non-empty answer wins.
 * A renderer that throws is logged and skipped, so a broken renderer never breaks a cell.
 */
@FunctionalInterface
public interface Renderer {
    /** The bundle for {@code value}, or empty when this renderer does not handle it. Never called with null. */
    Optional<MimeBundle> render(Object value);
}
