package iamnb.kernel.display;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Any object with a public {@code Map<String, Object> toMimeBundle()} method renders itself:
 * the Java counterpart of IPython's {@code _repr_mimebundle_}. This is how the library (and
 * any third-party class, and the display value types) show themselves richly without
 * depending on the kernel.
 *
 * <p>The method is found by reflection because the object may come from a class loader the
 * kernel cannot see (a class declared in a cell, a jar added with {@code %maven}). Values are
 * normalized to what front ends accept: application/json becomes a JSON tree even when given
 * as a string, images given as {@code byte[]} become base64 without line breaks.
 */
public final class MimeBundleMethodRenderer implements Renderer {

    static final String METHOD = "toMimeBundle";

    private final ObjectMapper json;

    public MimeBundleMethodRenderer(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Optional<MimeBundle> render(Object value) {
        Method method = bundleMethod(value.getClass());
        if (method == null) {
            return Optional.empty();
        }
        Object result;
        try {
            result = method.invoke(value);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error err) {
                throw err; // ThreadDeath of an interrupt, OutOfMemoryError: not ours to swallow
            }
            throw new RenderException(value.getClass().getSimpleName() + ".toMimeBundle() threw " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new RenderException("cannot call " + value.getClass().getName() + ".toMimeBundle(): " + e.getMessage(), e);
        }
        if (!(result instanceof Map<?, ?> map)) {
            throw new RenderException(value.getClass().getName() + ".toMimeBundle() returned "
                    + (result == null ? "null" : result.getClass().getName()) + ", expected a Map<String, Object>", null);
        }
        var data = new LinkedHashMap<String, Object>();
        map.forEach((mime, data1) -> {
            if (mime != null && data1 != null) {
                data.put(mime.toString(), normalize(mime.toString(), data1));
            }
        });
        if (data.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MimeBundle(data, Map.of()));
    }

    private Object normalize(String mime, Object value) {
        if (mime.equals(MimeTypes.JSON) || mime.endsWith("+json")) {
            if (value instanceof CharSequence text) {
                try {
                    return json.readTree(text.toString());
                } catch (JsonProcessingException e) {
                    throw new RenderException(mime + " is not valid JSON: " + e.getOriginalMessage(), e);
                }
            }
            return json.valueToTree(value);
        }
        if (mime.equals(MimeTypes.SVG)) {
            return SvgText.inline(value.toString());
        }
        if (mime.startsWith("image/")) {
            if (value instanceof byte[] bytes) {
                return Base64.getEncoder().encodeToString(bytes);
            }
            return value.toString().replaceAll("\\s", "");
        }
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                ? value.toString()
                : PlainText.of(value);
    }

    /** The public no-argument {@code toMimeBundle()} returning a Map, or null. */
    static Method bundleMethod(Class<?> type) {
        Method method;
        try {
            method = type.getMethod(METHOD);
        } catch (NoSuchMethodException e) {
            return null;
        }
        if (Modifier.isStatic(method.getModifiers()) || !Map.class.isAssignableFrom(method.getReturnType())) {
            return null;
        }
        // A public method declared by a non-public class (a cell's nested class, a lambda) is
        // reachable only once made accessible; open modules make this a no-op.
        if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            method.trySetAccessible();
        }
        return method;
    }
}
