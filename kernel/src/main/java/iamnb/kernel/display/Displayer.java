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
 */
public final class Displayer {
    private static final System.Logger LOG = System.getLogger("iamnb.kernel.display");

    private final RendererRegistry registry;

    public Displayer(RendererRegistry registry) {
        this.registry = registry;
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
        for (Renderer renderer : registry.renderers()) {
            try {
                Optional<MimeBundle> bundle = renderer.render(value);
                if (bundle.isPresent()) {
                    return withPlainText(bundle.get(), value);
                }
            } catch (RuntimeException | LinkageError e) {
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
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot call " + value.getClass().getName() + ".toMimeBundle()", e);
            return Optional.empty();
        }
    }
}
