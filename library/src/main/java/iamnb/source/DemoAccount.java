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
 * The embedded demo account: a snapshot folder in the library's resources ({@code /iamnb/demo/}), read by the
 * same {@link SnapshotReader} as any other snapshot. Built from the seed runbooks' names with planted problems;
 * the README's "Demo account" section lists them.
 */
public final class DemoAccount {
    /** Where the demo lives on the class path. */
    public static final String RESOURCE_DIR = "/iamnb/demo/";
    /** Lists the demo's files, one relative path a line, so it can be read from any class loader. */
    public static final String INDEX = "index.txt";

    private DemoAccount() {}

    public static AccountSnapshot load() {
        return load(DemoAccount.class.getClassLoader());
    }

    /** Reads the demo from a given class loader (the kernel's, a shaded jar's, a test's). */
    static AccountSnapshot load(ClassLoader loader) {
        String base = RESOURCE_DIR.substring(1);
        URL index = loader.getResource(base + INDEX);
        if (index == null) {
            throw new SourceUnavailableException("the demo account is missing from the class path ("
                    + RESOURCE_DIR + INDEX + "); is the iamnb library jar complete?");
        }
        try {
            URI uri = index.toURI();
            if ("file".equals(uri.getScheme())) {
                return new SnapshotReader().read(Path.of(uri).getParent());
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // fall through to copying the files out
        }
        return copyAndRead(loader, base, index);
    }

    /** Inside a jar (or any other class loader): copy the listed files to a temporary folder, read, delete. */
    private static AccountSnapshot copyAndRead(ClassLoader loader, String base, URL index) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("iamnb-demo");
            List<String> files;
            try (InputStream in = index.openStream()) {
                files = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            }
            for (String name : files) {
                try (InputStream in = loader.getResourceAsStream(base + name)) {
                    if (in == null) {
                        throw new SourceUnavailableException("demo file " + name + " is listed in " + INDEX
                                + " but missing from the class path");
                    }
                    Path target = tmp.resolve(name);
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
            return new SnapshotReader().read(tmp);
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot unpack the demo account: " + e.getMessage(), e);
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
