package iamnb.kernel.magics;

import iamnb.internal.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The magics a kernel knows, filled explicitly at start-up. Looks them up, completes
 * {@code %ma} to {@code %maven}/{@code %mavenRepo}, and suggests close names for typos.
 */
public final class MagicRegistry {

    private final Map<String, Magic> magics = new LinkedHashMap<>();

    public MagicRegistry register(Magic magic) {
        if (magics.putIfAbsent(magic.name(), magic) != null) {
            throw new IllegalArgumentException("magic %" + magic.name() + " is registered twice");
        }
        return this;
    }

    public Collection<Magic> all() {
        return List.copyOf(magics.values());
    }

    public Optional<Magic> find(String name) {
        return Optional.ofNullable(magics.get(name));
    }

    /** The magic a call names, checked for the form it was used in; else a clear error. */
    public Magic resolve(MagicCall call) {
        Magic magic = magics.get(call.name());
        if (magic == null || (call.cell() ? !magic.kind().allowsCell() : !magic.kind().allowsLine())) {
            throw new MagicException(unknown(call));
        }
        return magic;
    }

    private String unknown(MagicCall call) {
        Magic other = magics.get(call.name());
        if (other != null) {
            String right = other.kind().allowsCell() ? "%%" + other.name() : "%" + other.name();
            return call.spelled() + " on line " + call.line() + " is not available as a "
                    + (call.cell() ? "cell" : "line") + " magic; use " + right;
        }
        List<String> close = closeMatches(call.name(), call.cell());
        return "unknown magic " + call.spelled() + " on line " + call.line()
                + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?")
                + " (%lsmagic lists all magics)";
    }

    /**
     * Spellings of the magics closest to a typo, closest first, by the library's one "did you mean"
     * ({@link Suggestions}), so a mistyped magic is matched the way a mistyped user or role is.
     */
    List<String> closeMatches(String typed, boolean cell) {
        Map<String, String> spelledByName = new LinkedHashMap<>();
        for (Magic m : magics.values()) {
            boolean asCell = (cell && m.kind().allowsCell()) || !m.kind().allowsLine();
            spelledByName.put(m.name(), asCell ? "%%" + m.name() : "%" + m.name());
        }
        return Suggestions.closest(typed, spelledByName.keySet(), 3).stream().map(spelledByName::get).toList();
    }

    /**
     * Completions for the text before the cursor when it is a magic being typed at the start
     * of a line ({@code %ma}, {@code %%ba}); empty otherwise. {@code start} is where the
     * replaced text begins (the first percent sign).
     */
    public Optional<Completion> complete(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        String before = code.substring(lineStart, cursor);
        var m = java.util.regex.Pattern.compile("^(\\s*)(%%?)([A-Za-z0-9_]*)$").matcher(before);
        if (!m.matches()) {
            return Optional.empty();
        }
        boolean cell = m.group(2).equals("%%");
        if (cell && !code.substring(0, lineStart).isBlank()) {
            return Optional.empty(); // a cell magic only opens a cell
        }
        String prefix = m.group(3);
        var matches = new ArrayList<String>();
        for (Magic magic : magics.values()) {
            if (magic.name().startsWith(prefix) && (cell ? magic.kind().allowsCell() : magic.kind().allowsLine())) {
                matches.add(m.group(2) + magic.name());
            }
        }
        matches.sort(null);
        return Optional.of(new Completion(List.copyOf(matches), lineStart + m.group(1).length(), cursor));
    }

    /** Replace {@code code[start, end)} with one of {@code matches}. */
    public record Completion(List<String> matches, int start, int end) {}
}
