package iamnb.kernel.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The kernel jar's class files unpacked into a folder beside it, for JShell's compiler to read instead of the jar.
 *
 * <p>Why: javac opens a jar on its class path as a zip file system and, at its first package lookup, walks every
 * entry of it to index its packages ({@code JavacFileManager.ArchiveContainer}); the kernel jar has ~44,000
 * entries, and that walk, on code still running cold, is ~100 ms of every start (measured with
 * {@code kernel/bench/PreloadBench.java}). A folder is read lazily, one package directory at a time. Only the
 * compiler reads the folder: classes are still loaded from the jar (and the class-data-sharing archive).
 *
 * <p>The folder is made at install time ({@code iamnb-kernel --make-cds-archive}, which install.sh runs) and is
 * stamped with the jar's size and modification time; a folder whose stamp does not match its jar (the jar was
 * replaced) or that is missing is ignored, and the compiler reads the jar as before.
 */
public final class CompileClassFolder {
    /** Holds the stamp of the jar the folder was unpacked from. */
    static final String STAMP_FILE = ".iamnb-jar-stamp";
    private static final System.Logger LOG = System.getLogger("iamnb.kernel.eval");

    private CompileClassFolder() {}

    /** Where the folder of {@code jar} lives: {@code iamnb-kernel.jar} → {@code iamnb-kernel.classes}. */
    public static Path beside(Path jar) {
        String name = jar.getFileName().toString();
        String base = name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
        return jar.resolveSibling(base + ".classes");
    }

    /** The jar this process runs from, when its class path is exactly one jar. */
    public static Optional<Path> runningJar() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(classPath).toAbsolutePath());
    }

    /**
     * Unpacks the class files of {@code jar} into {@link #beside its folder}, replacing an older one. Atomic: a
     * kernel starting meanwhile sees the old folder or the new one, never half of one.
     */
    public static Path unpack(Path jar) throws IOException {
        Path folder = beside(jar);
        Path fresh = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".new-");
        readableByAll(fresh); // like the jar beside it: a kernelspec installed by root serves every user
        try (JarFile archive = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!compilerReads(entry)) {
                    continue;
                }
                Path target = fresh.resolve(entry.getName()).normalize();
                if (!target.startsWith(fresh)) {
                    throw new IOException(jar + ": entry " + entry.getName() + " points outside the folder");
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(fresh.resolve(STAMP_FILE), stamp(jar), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(fresh);
            throw e;
        }
        Path old = null;
        if (Files.exists(folder)) {
            old = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".old-");
            Files.delete(old);
            Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(fresh, folder, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteQuietly(old);
        }
        return folder;
    }

    /** Class files of packages; not META-INF (versioned copies, sources), not module descriptors. */
    private static boolean compilerReads(JarEntry entry) {
        String name = entry.getName();
        return !entry.isDirectory() && name.endsWith(".class") && !name.startsWith("META-INF/")
                && !name.endsWith("module-info.class");
    }

    /** The folder unpacked from {@code jar}, if there is one and {@code jar} has not changed since. */
    public static Optional<Path> matching(Path jar) {
        Path folder = beside(jar);
        Path stampFile = folder.resolve(STAMP_FILE);
        if (!Files.isRegularFile(stampFile)) {
            return Optional.empty();
        }
        try {
            if (Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp(jar))) {
                return Optional.of(folder);
            }
            LOG.log(System.Logger.Level.INFO, folder + " was unpacked from another " + jar.getFileName()
                    + "; JShell's compiler reads the jar (re-run install/install.sh to speed up start)");
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.INFO, "cannot read " + stampFile + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Runs {@code action} (JShell's build and first compilation) with {@code java.class.path} naming {@code folder}
     * instead of the jar, then restores it. JShell's compiler reads that property once, at its first class-path
     * lookup, and keeps it, including for class path entries added later ({@code %classpath}, {@code %maven}).
     * Nothing else in the kernel reads the property while JShell starts.
     */
    public static <T> T asCompileClassPath(Optional<Path> folder, Supplier<T> action) {
        if (folder.isEmpty()) {
            return action.get();
        }
        String saved = System.getProperty("java.class.path");
        System.setProperty("java.class.path", folder.get().toString());
        try {
            return action.get();
        } finally {
            System.setProperty("java.class.path", saved);
        }
    }

    private static void readableByAll(Path folder) throws IOException {
        if (Files.getFileStore(folder).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    static String stamp(Path jar) throws IOException {
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete " + folder + ": " + e.getMessage());
        }
    }
}
