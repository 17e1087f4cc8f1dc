package iamnb.kernel.display;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Collections, maps and arrays (primitive or not) in Java's familiar {@code [a, b]} /
 * {@code {k=v}} shape, arrays included (their own toString is a hash), cut after
 * {@value #MAX_ITEMS} items and {@value #MAX_DEPTH} levels so a huge list cannot flood the
 * notebook.
 */
public final class CollectionRenderer implements Renderer {

    static final int MAX_ITEMS = 100;
    static final int MAX_DEPTH = 4;

    @Override
    public Optional<MimeBundle> render(Object value) {
        if (!(value instanceof Collection<?> || value instanceof Map<?, ?> || value.getClass().isArray())) {
            return Optional.empty();
        }
        var out = new StringBuilder();
        append(out, value, 0);
        return Optional.of(MimeBundle.text(out.toString()));
    }

    private static void append(StringBuilder out, Object value, int depth) {
        if (value instanceof Map<?, ?> map) {
            if (depth >= MAX_DEPTH) {
                out.append("{…").append(map.size()).append(" entries}");
                return;
            }
            out.append('{');
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (i == MAX_ITEMS) {
                    out.append(", … (").append(map.size() - MAX_ITEMS).append(" more)");
                    break;
                }
                if (i++ > 0) {
                    out.append(", ");
                }
                append(out, e.getKey(), depth + 1);
                out.append('=');
                append(out, e.getValue(), depth + 1);
            }
            out.append('}');
        } else if (value instanceof Collection<?> collection) {
            appendItems(out, collection.iterator(), collection.size(), depth);
        } else if (value != null && value.getClass().isArray()) {
            int length = Array.getLength(value);
            appendItems(out, new Iterator<>() {
                int i;

                @Override
                public boolean hasNext() {
                    return i < length;
                }

                @Override
                public Object next() {
                    return Array.get(value, i++);
                }
            }, length, depth);
        } else if (value instanceof CharSequence text) {
            out.append(text);
        } else {
            out.append(PlainText.of(value));
        }
    }

    private static void appendItems(StringBuilder out, Iterator<?> items, int size, int depth) {
        if (depth >= MAX_DEPTH) {
            out.append("[…").append(size).append(" items]");
            return;
        }
        out.append('[');
        int i = 0;
        while (items.hasNext()) {
            Object item = items.next();
            if (i == MAX_ITEMS) {
                out.append(", … (").append(size - MAX_ITEMS).append(" more)");
                break;
            }
            if (i++ > 0) {
                out.append(", ");
            }
            append(out, item, depth + 1);
        }
        out.append(']');
    }
}
