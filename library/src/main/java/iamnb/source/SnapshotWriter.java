package iamnb.source;

import iamnb.InvalidInputException;
import iamnb.SourceUnavailableException;
import iamnb.model.AccountSnapshot;
import iamnb.source.codec.FolderOut;
import iamnb.source.codec.SnapshotCodec;
import iamnb.source.codec.SnapshotCodecs;
import iamnb.source.codec.SnapshotFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * Writes an {@link AccountSnapshot} as a snapshot folder in the AWS CLI's own output formats (see the
 * README's "Snapshot folder format"), each file by its codec ({@link SnapshotCodecs}), and computes the
 * SHA-256 of that canonical form for provenance.
 *
 * <p>The model holds no secret, and the writer adds none. Output is deterministic: the same snapshot always
 * gives the same bytes. No file is written outside the folder, whatever names the snapshot holds.
 */
public final class SnapshotWriter {

    /** Writes the snapshot folder. An existing snapshot folder is replaced; any other non-empty folder is refused. */
    /** Writes the snapshot folder and returns its digest, {@link #digest(AccountSnapshot)}, from the same bytes. */
    public String write(AccountSnapshot snapshot, Path dir) {
        SortedMap<String, byte[]> files = render(snapshot);
        try {
            prepare(dir);
            SnapshotFolder folder = new SnapshotFolder(dir, null);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path target = folder.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                folder.resolve(e.getKey()); // again, now that the parents exist: no link may lead out
                Files.write(target, e.getValue());
            }
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot write snapshot folder " + dir + ": " + e.getMessage(), e);
        }
        return digest(files);
    }

    /** SHA-256 (hex) over the canonical files, names and contents in name order. */
    public String digest(AccountSnapshot snapshot) {
        return digest(render(snapshot));
    }

    /** SHA-256 (hex) over rendered files, names and contents in name order. */
    public static String digest(SortedMap<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Long.toString(e.getValue().length).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The folder as file name → bytes, without touching the disk. */
    public SortedMap<String, byte[]> render(AccountSnapshot s) {
        FolderOut out = new FolderOut();
        for (SnapshotCodec codec : SnapshotCodecs.ALL) {
            codec.write(s, out);
        }
        return out.files();
    }

    private static void prepare(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir + " is a file; save needs a folder");
        }
        boolean empty;
        try (Stream<Path> s = Files.list(dir)) {
            empty = s.findAny().isEmpty();
        }
        if (empty) {
            return;
        }
        if (!Files.exists(dir.resolve(SnapshotFiles.ACCOUNT)) && !Files.exists(dir.resolve(SnapshotFiles.GAAD))) {
            throw new InvalidInputException(dir + " is not empty and is not a snapshot folder (no "
                    + SnapshotFiles.ACCOUNT + " or " + SnapshotFiles.GAAD + "); choose an empty or new folder");
        }
        for (SnapshotCodec codec : SnapshotCodecs.ALL) {
            for (String name : codec.names()) {
                deleteRecursively(dir.resolve(name));
            }
        }
    }

    /** Deletes a file or a folder tree; links are deleted, never followed. */
    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
