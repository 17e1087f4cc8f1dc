package iamnb.kernel.display;

import java.util.Optional;

/**
 * Strings, numbers, booleans, characters, enums and java.time values as their own text, with
 * no further renderer asked (a String is not a record to turn into JSON). Strings come without
 * quotes: an analyst reads a value, not a Java literal.
 */
public final class ScalarRenderer implements Renderer {

    @Override
    public Optional<MimeBundle> render(Object value) {
        boolean scalar = value instanceof CharSequence
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Character
                || value instanceof Enum<?>
                || value instanceof java.time.temporal.TemporalAccessor
                || value instanceof java.time.temporal.TemporalAmount
                || value instanceof java.nio.file.Path
                || value instanceof java.net.URI;
        return scalar ? Optional.of(MimeBundle.text(PlainText.of(value))) : Optional.empty();
    }
}
