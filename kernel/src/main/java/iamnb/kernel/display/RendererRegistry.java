package iamnb.kernel.display;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ordered list of {@link Renderer}s. Filled explicitly at start-up by the kernel's wiring (no classpath
 * scanning); later registrations (e.g. by a magic that loads a library) are tried after earlier ones, unless
 * added with {@link #registerFirst}.
 */
public final class RendererRegistry {
    private final List<Renderer> renderers = new CopyOnWriteArrayList<>();

    public RendererRegistry register(Renderer renderer) {
        renderers.add(renderer);
        return this;
    }

    public RendererRegistry registerFirst(Renderer renderer) {
        renderers.add(0, renderer);
        return this;
    }

    public List<Renderer> renderers() {
        return List.copyOf(renderers);
    }
}
