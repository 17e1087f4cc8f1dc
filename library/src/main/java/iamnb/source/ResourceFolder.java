package iamnb.source;

import iamnb.SourceUnavailableException;
import iamnb.model.AccountSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Snapshot folders stored as class path resources (the demo account, the demo organization's members), listed by
 * an index file of relative paths, one a line, so they can be read from any class loader: straight from the
 * folder when the resources are files, else copied to a temporary folder, read and deleted (inside a jar).
 */
final class ResourceFolder {
    private final ClassLoader loader;
    private final String base;
    private final String index;
    private final String what;

    /**
     * @param base the resource folder without a leading slash, ending with '/': {@code iamnb/demo/}
     * @param index the index file's name inside it
     * @param what what the folder holds, for error messages: "the demo account"
     */
    ResourceFolder(ClassLoader loader, String base, String index, String what) {
        this.loader = loader;
        this.base = base;
        this.index = index;
        this.what = what;
    }

    /** Reads the snapshot folder at {@code sub} ("" for the base folder itself, else "ID/"). */
    AccountSnapshot read(String sub) {
        URL url = loader.getResource(base + index);
        if (url == null) {
            throw new SourceUnavailableException(what + " is missing from the class path (/" + base + index
                    + "); is the iamnb library jar complete?");
        }
        try {
            URI uri = url.toURI();
            if ("file".equals(uri.getScheme())) {
                return new SnapshotReader().read(Path.of(uri).getParent().resolve(sub));
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // fall through to copying the files out
        }
        return copyAndRead(url, sub);
    }

    /** Inside a jar (or any other class loader): copy the listed files under {@code sub} out, read, delete. */
    private AccountSnapshot copyAndRead(URL url, String sub) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("iamnb-demo");
            List<String> files;
            try (InputStream in = url.openStream()) {
                files = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank() && l.startsWith(sub)).toList();
            }
            if (files.isEmpty()) {
                throw new SourceUnavailableException(what + ": " + index + " lists no file under " + sub);
            }
            for (String name : files) {
                try (InputStream in = loader.getResourceAsStream(base + name)) {
                    if (in == null) {
                        throw new SourceUnavailableException(what + ": file " + name + " is listed in " + index
                                + " but missing from the class path");
                    }
                    Path target = tmp.resolve(name.substring(sub.length()));
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
            return new SnapshotReader().read(tmp);
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot unpack " + what + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try (Stream<Path> walk = Files.walk(tmp)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a leftover temp folder is harmless
                }
            }
        }
    }
}
