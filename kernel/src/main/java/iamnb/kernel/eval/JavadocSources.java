package iamnb.kernel.eval;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Gives JShell's documentation lookup the library's sources, so Shift-Tab and {@code ?} show the library's
 * Javadoc and not only its signatures.
 *
 * <p>How JShell finds Javadoc (the same on 17 and 25): {@link SourceCodeAnalysis#documentation} parses the
 * source of the element's top-level class, found on a source path that {@code SourceCodeAnalysisImpl} computes
 * once in its private {@code findSources()}: the JDK's {@code java.home/lib/src.zip} (Debian:
 * {@code openjdk-17-source}; Temurin ships it) and nothing else. No option adds class-path sources. So this
 * class computes that list the JDK's way and puts the library's sources in front, in the private field
 * {@code availableSources} that {@code findSources()} caches into. That needs {@code jdk.jshell} opened to us:
 * the kernel jar's manifest says {@code Add-Opens: jdk.jshell/jdk.jshell}. Without it (another launcher) or on
 * a JDK without that field, the JDK's own Javadoc and every signature still work; the log says what is missing.
 *
 * <p>The sources: kernel/pom.xml copies the library's {@code .java} files into the kernel jar under
 * {@link #ROOT}, which is not a package root, so javac never compiles them in place of the library's classes.
 */
final class JavadocSources {
    static final String ROOT = "META-INF/iamnb-sources";
    /** A file every library build has, to find {@link #ROOT} by. */
    private static final String MARKER = ROOT + "/iamnb/Iam.java";
    private static final System.Logger LOG = System.getLogger("iamnb.kernel.eval");

    private JavadocSources() {}

    /**
     * Puts the library's sources on {@code analysis}'s Javadoc source path, before the JDK's; returns whether it
     * could. Call once, before the first documentation lookup of that analysis.
     */
    static boolean addLibrarySources(SourceCodeAnalysis analysis, ClassLoader loader) {
        Optional<Path> library = librarySources(loader);
        if (library.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "the library's sources are not in the kernel jar (" + MARKER
                    + "); inspection shows the library's signatures without Javadoc");
            return false;
        }
        try {
            Method findSources = analysis.getClass().getDeclaredMethod("findSources");
            Field cache = analysis.getClass().getDeclaredField("availableSources");
            findSources.setAccessible(true);
            cache.setAccessible(true);
            List<Path> paths = new ArrayList<>();
            paths.add(library.get());
            for (Object jdk : (List<?>) findSources.invoke(analysis)) {
                paths.add((Path) jdk);
            }
            cache.set(analysis, List.copyOf(paths));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // InaccessibleObjectException when jdk.jshell is not opened; NoSuch* on a JDK that changed.
            LOG.log(System.Logger.Level.INFO, "cannot add the library's sources to JShell's Javadoc lookup ("
                    + e + "); run the kernel jar with java -jar, or add --add-opens jdk.jshell/jdk.jshell="
                    + "ALL-UNNAMED. Inspection shows the library's signatures without Javadoc.");
            return false;
        }
    }

    /** {@link #ROOT} as a path: a folder inside the kernel jar, or a folder of a build's classes directory. */
    static Optional<Path> librarySources(ClassLoader loader) {
        URL marker = loader.getResource(MARKER);
        if (marker == null) {
            return Optional.empty();
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of()); // stays open: JShell reads from it for the session
                } catch (FileSystemAlreadyExistsException e) {
                    // opened before, by us or by another part of the kernel: Path.of finds it
                }
            }
            return Optional.of(Path.of(uri).getParent().getParent());
        } catch (URISyntaxException | IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "cannot open the library's sources at " + marker + ": " + e);
            return Optional.empty();
        }
    }
}
