package iamnb.kernel.display;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renders any value to a {@link MimeBundle}, in this order:
 * <ol>
 *   <li>the registered {@link Renderer}s ({@link RendererRegistry}), first match wins;</li>
 *   <li>a public {@code Map<String, Object> toMimeBundle()} method on the value, found by reflection &mdash;
 *       how the library (or any class) shows itself richly without depending on the kernel; {@code byte[]}
 *       values are base64-encoded (images);</li>
 *   <li>{@code text/plain}: {@code String.valueOf}, with arrays spelled out.</li>
 * </ol>
 * Every bundle leaving here carries {@code text/plain}. Exceptions thrown by renderers or by
 * {@code toMimeBundle()} are logged and the next option is used.
 *
 * <p>All of it is user code (renderers call {@code toString()}, record accessors, {@code toMimeBundle()}), so
 * it runs under a {@link RenderGuard}: anything it throws, {@code Error}s included, or a rendering that does not
 * return within {@code IAMNB_RENDER_TIMEOUT} or before an {@link #interrupt}, leaves the cell with a problem
 * on its stderr and a text fallback (class name and identity hash), and the kernel alive.
 */
public final class Displayer {
    private static final System.Logger LOG = System.getLogger("iamnb.kernel.display");

    private final RendererRegistry registry;
    private final RenderGuard guard;

    /** Time limit from the process environment ({@code IAMNB_RENDER_TIMEOUT}). */
    public Displayer(RendererRegistry registry) {
        this(registry, RenderGuard.timeoutFrom(System.getenv()));
    }

    public Displayer(RendererRegistry registry, java.time.Duration renderTimeout) {
        this.registry = registry;
        this.guard = new RenderGuard(renderTimeout);
    }

    /** Stops the rendering in progress, if any (the cell was interrupted). Safe from any thread. */
    public void interrupt() {
        guard.interrupt();
    }

    /**
     * Text made by user code (a variable's {@code toString()} for {@code %vars}) under the same guard as a rendering:
     * what it throws, or a time-out or interrupt, becomes {@code <toString(): WHY>} instead of ending or
     * blocking the kernel.
     */
    public String guardedText(java.util.function.Supplier<String> text) {
        RenderGuard.Outcome<String> outcome = guard.run(text);
        return outcome.value().orElseGet(() -> outcome.failure() == null ? "null"
                : "<toString(): " + outcome.failure() + ">");
    }

    public MimeBundle render(Object value) {
        return render(value, problem -> { });
    }

    /**
     * Renders {@code value}; each renderer failure is also described to {@code problems} (the kernel sends it
     * to the cell's stderr, so the user sees why the output is plainer than expected).
     */
    public MimeBundle render(Object value, java.util.function.Consumer<String> problems) {
        if (value == null) {
            return MimeBundle.text("null");
        }
        java.util.List<String> found = new java.util.concurrent.CopyOnWriteArrayList<>();
        RenderGuard.Outcome<MimeBundle> outcome = guard.run(() -> renderUnguarded(value, found::add));
        found.forEach(problems);
        if (outcome.value().isPresent()) {
            return outcome.value().get();
        }
        String problem = "display: cannot show the " + value.getClass().getName() + " value: " + outcome.failure()
                + "; showing its class and identity instead";
        LOG.log(System.Logger.Level.WARNING, problem);
        problems.accept(problem);
        return MimeBundle.text(identity(value));
    }

    /**
     * A string shown as the mime types it is given with: {@code display("<i>x</i>", "text/html")} is HTML,
     * as in IPython's {@code publish_display_data}; text/plain (always present) is the string itself.
     */
    public static MimeBundle textAs(String text, java.util.Set<String> mimeTypes) {
        MimeBundle bundle = MimeBundle.text(text);
        for (String type : mimeTypes) {
            bundle = bundle.with(type, text);
        }
        return bundle;
    }

    /** {@code Object.toString()}'s form, which runs no user code. */
    static String identity(Object value) {
        return value.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(value));
    }

    private MimeBundle renderUnguarded(Object value, java.util.function.Consumer<String> problems) {
        if (value == null) {
            return MimeBundle.text("null");
        }
        for (Renderer renderer : registry.renderers()) {
            try {
                Optional<MimeBundle> bundle = renderer.render(value);
                if (bundle.isPresent()) {
                    return withPlainText(bundle.get(), value);
                }
            } catch (RuntimeException | Error e) { // StackOverflowError from a cycle, AssertionError, OOM
                String problem = "display: renderer " + renderer.getClass().getSimpleName() + " failed on "
                        + value.getClass().getName() + " (" + e + "); falling back to a simpler form";
                LOG.log(System.Logger.Level.WARNING, problem, e);
                problems.accept(problem);
            }
        }
        return selfRendered(value).map(b -> withPlainText(b, value)).orElseGet(() -> MimeBundle.text(PlainText.of(value)));
    }

    /** The text/plain form: strings as they are, arrays with their elements, everything else String.valueOf. */
    public static String plainText(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.deepToString(array);
        }
        if (value != null && value.getClass().isArray()) {
            String wrapped = Arrays.deepToString(new Object[] {value}); // spells out primitive arrays too
            return wrapped.substring(1, wrapped.length() - 1);
        }
        return String.valueOf(value);
    }

    private static MimeBundle withPlainText(MimeBundle bundle, Object value) {
        return bundle.data().containsKey("text/plain") ? bundle : bundle.with("text/plain", PlainText.of(value));
    }

    /** The library's hook: {@code public Map<String, Object> toMimeBundle()}. */
    static Optional<MimeBundle> selfRendered(Object value) {
        Method method;
        try {
            method = value.getClass().getMethod("toMimeBundle");
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
        if (!Map.class.isAssignableFrom(method.getReturnType())) {
            return Optional.empty();
        }
        try {
            method.setAccessible(true); // classes declared in a cell are not public
            Map<?, ?> raw = (Map<?, ?>) method.invoke(value);
            if (raw == null || raw.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> data = new LinkedHashMap<>();
            raw.forEach((k, v) -> {
                if (k != null && v != null) {
                    data.put(k.toString(), v instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes) : v);
                }
            });
            return data.isEmpty() ? Optional.empty() : Optional.of(new MimeBundle(data, Map.of()));
        } catch (InvocationTargetException e) {
            LOG.log(System.Logger.Level.WARNING, value.getClass().getName() + ".toMimeBundle() threw", e.getCause());
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException | StackOverflowError e) {
            LOG.log(System.Logger.Level.WARNING, "cannot call " + value.getClass().getName() + ".toMimeBundle()", e);
            return Optional.empty();
        }
    }
}
