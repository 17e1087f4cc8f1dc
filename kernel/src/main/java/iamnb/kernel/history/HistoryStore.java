package iamnb.kernel.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Input history persisted across kernel restarts as an append-only JSON-lines file
 * ({@code {"session":3,"line":7,"input":"...","output":"..."}} per executed cell).
 *
 * <p>Each kernel start is a new session numbered one above the last one in the file; only the file's last
 * line is read at start-up. The whole file is read the first time a query needs it. Two kernels started at
 * the same instant may share a session number; entries are still kept.
 */
public final class HistoryStore {
    private static final System.Logger LOG = System.getLogger("iamnb.kernel.history");

    private final Path file;
    private final ObjectMapper json;
    private final int session;
    private List<HistoryEntry> entries; // loaded lazily, then kept current; guarded by this

    public HistoryStore(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
        this.session = lastSession() + 1;
    }

    /** Where history lives by default: $IAMNB_HISTORY_FILE, else $XDG_DATA_HOME/iamnb, else ~/.local/share. */
    public static Path defaultFile(Map<String, String> env) {
        String explicit = env.get("IAMNB_HISTORY_FILE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("iamnb").resolve("history.jsonl");
    }

    public int session() {
        return session;
    }

    public synchronized void append(int line, String input, String output) {
        HistoryEntry entry = new HistoryEntry(session, line, input, output);
        if (entries != null) {
            entries.add(entry);
        }
        ObjectNode node = json.createObjectNode().put("session", session).put("line", line).put("input", input);
        if (output != null) {
            node.put("output", output);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, (json.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot append to history file " + file + ": " + e.getMessage());
        }
    }

    /** The last {@code n} entries over all sessions, oldest first. */
    public synchronized List<HistoryEntry> tail(int n) {
        List<HistoryEntry> all = all();
        return List.copyOf(all.subList(Math.max(0, all.size() - Math.max(0, n)), all.size()));
    }

    /**
     * Entries of one session with {@code start <= line < stop}. A session of 0 or less counts back from the
     * current one (0 = this session); {@code stop <= 0} means "to the end".
     */
    public synchronized List<HistoryEntry> range(int sessionNumber, int start, int stop) {
        int wanted = sessionNumber > 0 ? sessionNumber : session + sessionNumber;
        return all().stream()
                .filter(e -> e.session() == wanted && e.line() >= start && (stop <= 0 || e.line() < stop))
                .toList();
    }

    /**
     * Entries whose input matches the glob {@code pattern} ({@code *}, {@code ?}, {@code [...]}), oldest
     * first; with {@code unique} only the latest of equal inputs; at most the last {@code n} when n > 0.
     */
    public synchronized List<HistoryEntry> search(String pattern, int n, boolean unique) {
        Pattern regex = globToRegex(pattern);
        List<HistoryEntry> hits = all().stream().filter(e -> regex.matcher(e.input()).matches()).toList();
        if (unique) {
            Map<String, HistoryEntry> latest = new LinkedHashMap<>();
            for (HistoryEntry e : hits) {
                latest.remove(e.input());
                latest.put(e.input(), e);
            }
            hits = List.copyOf(latest.values());
        }
        return n > 0 && hits.size() > n ? List.copyOf(hits.subList(hits.size() - n, hits.size())) : hits;
    }

    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        boolean inClass = false;
        for (char c : glob.toCharArray()) {
            if (inClass) {
                regex.append(c == '\\' ? "\\\\" : String.valueOf(c));
                inClass = c != ']';
            } else if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[') {
                regex.append('[');
                inClass = true;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (inClass) {
            throw new IllegalArgumentException("history search pattern '" + glob + "' has an unclosed '['");
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private List<HistoryEntry> all() {
        if (entries == null) {
            entries = load();
        }
        return entries;
    }

    private List<HistoryEntry> load() {
        List<HistoryEntry> loaded = new ArrayList<>();
        if (!Files.exists(file)) {
            return loaded;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                parse(line).ifPresent(loaded::add);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read history file " + file + ": " + e.getMessage());
        }
        return loaded;
    }

    private java.util.Optional<HistoryEntry> parse(String line) {
        if (line.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            JsonNode n = json.readTree(line);
            JsonNode out = n.get("output");
            return java.util.Optional.of(new HistoryEntry(n.path("session").asInt(), n.path("line").asInt(),
                    n.path("input").asText(), out == null || out.isNull() ? null : out.asText()));
        } catch (IOException | IllegalArgumentException e) {
            return java.util.Optional.empty(); // a torn or foreign line: skip it, keep the rest
        }
    }

    /** The session number on the file's last line, reading only the file's tail. */
    private int lastSession() {
        if (!Files.exists(file)) {
            return 0;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int chunk = (int) Math.min(length, 64 * 1024);
            byte[] tail = new byte[chunk];
            raf.seek(length - chunk);
            raf.readFully(tail);
            String[] lines = new String(tail, StandardCharsets.UTF_8).split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                var entry = parse(lines[i]);
                if (entry.isPresent()) {
                    return entry.get().session();
                }
            }
            return length > chunk ? all().stream().mapToInt(HistoryEntry::session).max().orElse(0) : 0;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read history file " + file + ": " + e.getMessage());
            return 0;
        }
    }
}
