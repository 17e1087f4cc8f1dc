package iamnb.source.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import iamnb.InvalidInputException;
import iamnb.SourceUnavailableException;
import iamnb.source.internal.JsonAt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The read side of a snapshot folder. Files are named by their path relative to the folder ({@code
 * buckets/prod-data/policy.json}), which is also how errors name them. Every path is resolved and checked to
 * stay inside the folder, even after following links: names in a snapshot come from someone else.
 */
public final class SnapshotFolder {
    /** A JSON file found by listing a sub-folder: its file name without {@code .json}, and its content. */
    public record Named(String name, JsonAt json) {}

    private final Path dir;
    private final ObjectMapper mapper;

    public SnapshotFolder(Path dir, ObjectMapper mapper) {
        this.dir = dir.toAbsolutePath().normalize();
        this.mapper = mapper;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** The JSON file at {@code relative}, when it exists. */
    public Optional<JsonAt> json(String relative) {
        Path f = resolve(relative);
        return Files.isRegularFile(f) ? Optional.of(parse(f, relative)) : Optional.empty();
    }

    /** The text file at {@code relative}, when it exists. */
    public Optional<String> text(String relative) {
        Path f = resolve(relative);
        return Files.isRegularFile(f) ? Optional.of(readText(f)) : Optional.empty();
    }

    /** Opens the file at {@code relative} for streaming; the caller closes it. */
    public InputStream open(String relative) throws IOException {
        return Files.newInputStream(resolve(relative));
    }

    /** The {@code *.json} files of a sub-folder (none when it does not exist), in name order. */
    public List<Named> jsonFiles(String relativeDir) {
        return list(relativeDir, Files::isRegularFile).stream().filter(n -> n.endsWith(".json"))
                .map(n -> new Named(n.substring(0, n.length() - ".json".length()), parse(resolve(relativeDir + "/" + n),
                        relativeDir + "/" + n)))
                .toList();
    }

    /**
     * A file of many outputs together with its alternative, a folder of the individual outputs ({@code
     * access-keys.json} and {@code access-keys/*.json}): the file first, then the folder's files in name order.
     */
    public List<JsonAt> jsonFileAndFolder(String file, String folder) {
        List<JsonAt> out = new java.util.ArrayList<>();
        json(file).ifPresent(out::add);
        jsonFiles(folder).forEach(f -> out.add(f.json()));
        return out;
    }

    /** The names of the sub-folders of a sub-folder, in name order. */
    public List<String> folders(String relativeDir) {
        return list(relativeDir, Files::isDirectory);
    }

    public boolean isFolder(String relative) {
        return Files.isDirectory(resolve(relative));
    }

    private List<String> list(String relativeDir, java.util.function.Predicate<Path> kind) {
        Path d = resolve(relativeDir);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(kind).map(p -> p.getFileName().toString()).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot list " + d + ": " + e.getMessage(), e);
        }
    }

    /** {@code relative} inside the folder; a name that leads outside it (by {@code ..}, a root or a link) is refused. */
    public Path resolve(String relative) {
        return FolderPaths.inside(dir, relative);
    }

    private JsonAt parse(Path f, String label) {
        String text = readText(f);
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null) {
                throw new InvalidInputException(label + ": the file is empty; expected JSON from the AWS CLI");
            }
            return JsonAt.root(node, label);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new InvalidInputException(label + ": not valid JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String readText(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
