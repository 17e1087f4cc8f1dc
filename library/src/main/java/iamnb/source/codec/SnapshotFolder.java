package iamnb.source.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import iamnb.InvalidInputException;
import iamnb.SourceUnavailableException;
import iamnb.internal.JsonInput;
import iamnb.internal.StrictText;
import iamnb.source.internal.JsonAt;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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
 *
 * <p>Every file is read with a size limit, checked before a byte is read and again while reading (a file may
 * grow, or not be what its size says): a file larger than the limit is invalid input naming the file and the
 * limit, never an exhausted heap. Text must be UTF-8 (a byte order mark is allowed); anything else is invalid
 * input naming the byte.
 */
public final class SnapshotFolder {
    /** A JSON file found by listing a sub-folder: its file name without {@code .json}, and its content. */
    public record Named(String name, JsonAt json) {}

    /**
     * The default size limit, 256 MiB. The largest file of a snapshot is {@code gaad.json}: 41 MB (CLI form) for a
     * synthetic 5,000-user, 20,000-role account (IAM's quotas allow at most 5,000 of each), so the default leaves six
     * times that, while a file the heap cannot hold is refused before it is read.
     */
    public static final long DEFAULT_MAX_FILE_BYTES = 256L << 20;
    /** The largest file a folder reader accepts: a String (and so a side file) holds at most this many bytes. */
    public static final long LARGEST_LIMIT = Integer.MAX_VALUE - 16L;

    private final Path dir;
    private final ObjectMapper mapper;
    private final long maxFileBytes;

    /** A folder read with {@link #DEFAULT_MAX_FILE_BYTES}. */
    public SnapshotFolder(Path dir, ObjectMapper mapper) {
        this(dir, mapper, DEFAULT_MAX_FILE_BYTES);
    }

    /**
     * @param maxFileBytes the largest file read, 1 to {@link #LARGEST_LIMIT} bytes
     */
    public SnapshotFolder(Path dir, ObjectMapper mapper, long maxFileBytes) {
        if (maxFileBytes < 1 || maxFileBytes > LARGEST_LIMIT) {
            throw new InvalidInputException("the file size limit must be between 1 and " + LARGEST_LIMIT
                    + " bytes, not " + maxFileBytes);
        }
        this.dir = dir.toAbsolutePath().normalize();
        this.mapper = mapper;
        this.maxFileBytes = maxFileBytes;
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
        return Files.isRegularFile(f) ? Optional.of(readText(f, relative)) : Optional.empty();
    }

    /**
     * Opens the file at {@code relative} for streaming; the caller closes it. The stream holds to the size limit:
     * reading past it throws {@link InvalidInputException}.
     */
    public InputStream open(String relative) throws IOException {
        Path f = resolve(relative);
        checkSize(f, relative);
        return new Limited(Files.newInputStream(f), relative);
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
            List<Path> entries = s.toList();
            for (Path p : entries) {
                if (Files.isSymbolicLink(p) && !Files.exists(p)) {
                    resolve(relativeDir + "/" + p.getFileName()); // names a link that loops or leads nowhere
                }
            }
            return entries.stream().filter(kind).map(p -> p.getFileName().toString()).sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot list " + d + ": " + e.getMessage(), e);
        }
    }

    /** {@code relative} inside the folder; a name that leads outside it (by {@code ..}, a root or a link) is refused. */
    public Path resolve(String relative) {
        return FolderPaths.inside(dir, relative);
    }

    private JsonAt parse(Path f, String label) {
        JsonNode node = JsonInput.readTree(mapper, readText(f, label), label);
        if (node == null) {
            throw new InvalidInputException(label + ": the file is empty; expected JSON from the AWS CLI");
        }
        return JsonAt.root(node, label);
    }

    private String readText(Path f, String label) {
        checkSize(f, label);
        try (InputStream in = new Limited(Files.newInputStream(f), label)) {
            byte[] bytes = in.readAllBytes();
            return StrictText.decode(bytes, bytes.length, label);
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private void checkSize(Path f, String label) {
        try {
            long size = Files.size(f);
            if (size > maxFileBytes) {
                throw tooLarge(label, bytes(size));
            }
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private InvalidInputException tooLarge(String label, String size) {
        return new InvalidInputException(label + ": the file is " + size + ", larger than the limit of "
                + bytes(maxFileBytes) + "; refused. If the file is genuine, raise the limit: Iam.fromSnapshot(dir, bytes)");
    }

    private static String bytes(long n) {
        return String.format("%,d bytes (%.1f MiB)", n, n / 1048576.0);
    }

    /** A stream that refuses to read past the size limit, for files that grow or are not what their size says. */
    private final class Limited extends FilterInputStream {
        private final String label;
        private long read;

        Limited(InputStream in, String label) {
            super(in);
            this.label = label;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > maxFileBytes) {
                throw tooLarge(label, "more than " + bytes(maxFileBytes) + " when read");
            }
        }
    }
}
