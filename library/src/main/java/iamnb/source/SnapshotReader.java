package iamnb.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import iamnb.InvalidInputException;
import iamnb.internal.JsonInput;
import iamnb.model.AccountSnapshot;
import iamnb.source.codec.SnapshotCodec;
import iamnb.source.codec.SnapshotCodecs;
import iamnb.source.codec.SnapshotFolder;
import iamnb.source.codec.SnapshotParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads a snapshot folder: files in the formats the AWS CLI prints (see {@link SnapshotFiles} and the README's
 * "Snapshot folder format"). Only {@code gaad.json} is required; every other file adds a part. Each file is
 * read by its codec ({@link SnapshotCodecs}); a malformed file raises {@link InvalidInputException} naming the
 * file, the line or JSON path, and the problem.
 */
public final class SnapshotReader {
    /** 256 MiB: six times the {@code gaad.json} of a 5,000-user, 20,000-role account (see {@link SnapshotFolder}). */
    public static final long DEFAULT_MAX_FILE_BYTES = SnapshotFolder.DEFAULT_MAX_FILE_BYTES;

    /** Snapshot files nest at most {@link JsonInput#MAX_FILE_DEPTH} levels. */
    private final ObjectMapper mapper = JsonInput.fileMapper();
    private final long maxFileBytes;

    /** A reader with the default file size limit, {@link #DEFAULT_MAX_FILE_BYTES}. */
    public SnapshotReader() {
        this(DEFAULT_MAX_FILE_BYTES);
    }

    /**
     * A reader that refuses any file larger than {@code maxFileBytes} (up to {@link SnapshotFolder#LARGEST_LIMIT}),
     * before reading it, with an {@link InvalidInputException} naming the file and the limit.
     */
    public SnapshotReader(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    public AccountSnapshot read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("snapshot folder " + dir + " does not exist or is not a folder");
        }
        Path gaadFile = dir.resolve(SnapshotFiles.GAAD);
        SnapshotFolder folder = new SnapshotFolder(dir, mapper, maxFileBytes);
        if (Files.isSymbolicLink(gaadFile)) {
            folder.resolve(SnapshotFiles.GAAD); // a link that loops or leads nowhere is named as such
        }
        if (Files.isDirectory(gaadFile)) {
            throw new InvalidInputException(SnapshotFiles.GAAD + " in " + dir + " is a folder; expected the file that"
                    + " aws iam get-account-authorization-details prints");
        }
        if (!Files.isRegularFile(gaadFile)) {
            throw new InvalidInputException("snapshot folder " + dir + " has no " + SnapshotFiles.GAAD
                    + "; create it with: aws iam get-account-authorization-details > " + gaadFile);
        }
        SnapshotParts parts = new SnapshotParts();
        // The side files are independent of gaad.json: parse them while gaad.json streams in.
        List<CompletableFuture<Void>> background = new ArrayList<>();
        for (SnapshotCodec codec : SnapshotCodecs.ALL) {
            if (codec.readsInBackground()) {
                background.add(CompletableFuture.runAsync(() -> codec.read(folder, parts)));
            }
        }
        for (SnapshotCodec codec : SnapshotCodecs.ALL) {
            if (!codec.readsInBackground()) {
                codec.read(folder, parts);
            }
        }
        background.forEach(SnapshotReader::join);
        return parts.assemble(dir);
    }

    /** Waits for a side file; its own exception (naming the file) comes out unwrapped. */
    private static void join(CompletableFuture<Void> later) {
        try {
            later.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }
}
