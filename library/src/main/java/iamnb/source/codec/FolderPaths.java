package iamnb.source.codec;

import iamnb.InvalidInputException;
import iamnb.SourceUnavailableException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The last line of defence against a name that escapes the snapshot folder. Names are validated against the
 * owning service's rules where they enter ({@code Names}); this check holds even if one slipped
 * through: the path is normalised, and the real path of whatever exists of it (links followed) must still lie
 * inside the folder's real path.
 */
final class FolderPaths {
    private FolderPaths() {}

    static Path inside(Path dir, String relative) {
        Path target;
        try {
            target = dir.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidInputException("\"" + relative + "\" is not a file name this system accepts", e);
        }
        if (Path.of(relative).isAbsolute() || !target.startsWith(dir)) {
            throw escapes(relative);
        }
        Path existing = target;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null && Files.exists(dir)) {
            try {
                if (!existing.toRealPath().startsWith(dir.toRealPath())) {
                    throw escapes(relative);
                }
            } catch (FileSystemException e) {
                if (Files.isSymbolicLink(existing)) {
                    // a link that loops (ELOOP) or points at nothing: the folder's content is wrong, not the disk
                    throw new InvalidInputException("\"" + dir.relativize(existing) + "\" is a symbolic link that loops"
                            + " or leads to nothing (" + e.getClass().getSimpleName() + "); replace it with the file", e);
                }
                throw new SourceUnavailableException("cannot resolve " + target + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new SourceUnavailableException("cannot resolve " + target + ": " + e.getMessage(), e);
            }
        }
        return target;
    }

    private static InvalidInputException escapes(String relative) {
        return new InvalidInputException("\"" + relative + "\" leads outside the snapshot folder; refused");
    }
}
