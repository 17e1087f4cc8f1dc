package iamnb.source.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import iamnb.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The write side of a snapshot folder, in memory: relative file name → bytes, in name order. JSON is
 * pretty-printed with two-space indents and a final newline, so the same snapshot always gives the same bytes.
 * A name that would lead outside the folder is refused here already, before anything touches the disk.
 */
public final class FolderOut {
    private static final ObjectWriter PRETTY = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    /** A folder that exists nowhere: names are checked against it without touching the disk. */
    private static final Path NOWHERE = Path.of("/snapshot-folder").toAbsolutePath();

    private final SortedMap<String, byte[]> files = new TreeMap<>();

    public void json(String relative, JsonNode node) {
        try {
            byte[] body = PRETTY.writeValueAsBytes(node);
            byte[] out = new byte[body.length + 1];
            System.arraycopy(body, 0, out, 0, body.length);
            out[body.length] = '\n';
            put(relative, out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    public void text(String relative, String text) {
        put(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    private void put(String relative, byte[] bytes) {
        if (relative.contains("\\") || !FolderPaths.inside(NOWHERE, relative).startsWith(NOWHERE)) {
            throw new InvalidInputException("\"" + relative + "\" leads outside the snapshot folder; refused");
        }
        files.put(relative, bytes);
    }

    public SortedMap<String, byte[]> files() {
        return Collections.unmodifiableSortedMap(files);
    }
}
