package iamnb.source.codec;

import iamnb.model.AccountSnapshot;
import java.util.List;

/**
 * Reads and writes one file (or one family of files) of a snapshot folder. Reading and writing of the file
 * stand side by side in one class, with its JSON keys declared once, so a new field is one edit there.
 *
 * <p>{@link #read} adds what the file says to {@link SnapshotParts}; it never looks at another codec's
 * part, so the reader may run codecs concurrently. {@link #write} adds the file's canonical bytes to a
 * {@link FolderOut}; it writes nothing when the snapshot has nothing for the file.
 */
public interface SnapshotCodec {
    /** The top-level names (files or folders) this codec owns in the folder, replaced when a folder is saved again. */
    List<String> names();

    /** Reads this codec's file(s) from the folder, when present, into its slot of {@code parts}. */
    void read(SnapshotFolder folder, SnapshotParts parts);

    /** Renders this codec's file(s) for the snapshot. */
    void write(AccountSnapshot snapshot, FolderOut out);

    /**
     * Whether the reader may read this file on a background thread while it reads the others. The large
     * {@code gaad.json} answers false: it streams on the caller's thread and converts on the pool itself.
     */
    default boolean readsInBackground() {
        return true;
    }
}
