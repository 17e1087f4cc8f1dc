package iamnb.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder of class files that JShell's compiler reads instead of the kernel jar. */
class CompileClassFolderTest {
    @TempDir
    Path dir;

    @Test
    void unpack_keepsClassFilesOfPackagesOnly_andStampsTheJar() throws IOException {
        Path jar = jar(dir.resolve("iamnb-kernel.jar"), Map.of(
                "p/A.class", "a", "p/q/B.class", "b", "META-INF/MANIFEST.MF", "m",
                "META-INF/versions/11/p/A.class", "a11", "module-info.class", "mi", "p/data.txt", "d"));

        Path folder = CompileClassFolder.unpack(jar);

        assertEquals(dir.resolve("iamnb-kernel.classes"), folder);
        assertEquals(List.of(".iamnb-jar-stamp", "p/A.class", "p/q/B.class"), files(folder));
        assertEquals("a", Files.readString(folder.resolve("p/A.class")), "the base entry, not a versioned one");
        assertEquals(Optional.of(folder), CompileClassFolder.matching(jar));
        assertEquals("rwxr-xr-x", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder)), "readable by every user, like the jar");
    }

    @Test
    void matching_whenTheJarWasReplaced_thenNoFolder() throws IOException {
        Path jar = jar(dir.resolve("k.jar"), Map.of("p/A.class", "a"));
        CompileClassFolder.unpack(jar);

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));

        assertEquals(Optional.empty(), CompileClassFolder.matching(jar), "a stale folder would compile old classes");
        assertEquals(Optional.empty(), CompileClassFolder.matching(dir.resolve("never-unpacked.jar")));
    }

    @Test
    void unpack_again_replacesTheOldFolderWhole() throws IOException {
        Path jar = jar(dir.resolve("k.jar"), Map.of("old/Gone.class", "x"));
        CompileClassFolder.unpack(jar);
        jar(jar, Map.of("p/New.class", "y"));

        Path folder = CompileClassFolder.unpack(jar);

        assertEquals(List.of(".iamnb-jar-stamp", "p/New.class"), files(folder));
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("k.classes", "k.jar"), siblings.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary folder is left behind");
        }
    }

    @Test
    void unpack_whenAnEntryPointsOutside_thenRefusedAndNothingLeft() throws IOException {
        Path jar = jar(dir.resolve("k.jar"), Map.of("../evil.class", "x"));

        IOException e = assertThrows(IOException.class, () -> CompileClassFolder.unpack(jar));

        assertTrue(e.getMessage().contains("../evil.class"), e.getMessage());
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("k.jar"), siblings.map(p -> p.getFileName().toString()).toList());
        }
    }

    /**
     * What the kernel relies on, on the JDK running the tests: JShell's compiler takes its class path from
     * {@code java.class.path} at its first lookup, keeps it once the property is restored, and appends to it
     * what {@code addToClasspath} adds later. Execution still loads classes from the process's class path.
     */
    @Test
    void asCompileClassPath_jshellCompilesAgainstTheFolder_andKeepsItForLaterEntries() throws IOException {
        Path folder = compiled(dir.resolve("folder"), "probe.Probe", "package probe; public class Probe {}");
        Path later = compiled(dir.resolve("later"), "later.Later", "package later; public class Later {}");
        String processClassPath = System.getProperty("java.class.path");

        try (JShell jshell = CompileClassFolder.asCompileClassPath(Optional.of(folder), () -> {
            JShell built = JShell.builder().executionEngine("local").build();
            assertEquals(Snippet.Status.VALID, status(built.eval("import probe.*;")));
            return built;
        })) {
            assertEquals(processClassPath, System.getProperty("java.class.path"), "the property is restored");
            assertEquals(Snippet.Status.REJECTED, status(jshell.eval("iamnb.kernel.eval.Preload.class")),
                    "the process's class path is not the compiler's");
            SnippetEvent probe = jshell.eval("Probe.class.getName()").get(0);
            assertEquals(Snippet.Status.VALID, probe.status(), "compiled against the folder");
            assertNotNull(probe.exception(), "not loadable: the folder is the compiler's alone");

            jshell.addToClasspath(later.toString());

            assertEquals(Snippet.Status.VALID, status(jshell.eval("later.Later.class.getName()")));
            assertEquals(Snippet.Status.VALID, status(jshell.eval("probe.Probe.class")), "the folder is kept");
        }
    }

    @Test
    void asCompileClassPath_withoutFolder_leavesThePropertyAlone() {
        String before = System.getProperty("java.class.path");
        String seen = CompileClassFolder.asCompileClassPath(Optional.empty(), () -> System.getProperty("java.class.path"));
        assertEquals(before, seen);
    }

    @Test
    void runningJar_onlyWhenTheClassPathIsOneJar() {
        String saved = System.getProperty("java.class.path");
        try {
            System.setProperty("java.class.path", "/k/iamnb-kernel.jar");
            assertEquals(Optional.of(Path.of("/k/iamnb-kernel.jar")), CompileClassFolder.runningJar());
            System.setProperty("java.class.path", "/k/iamnb-kernel.jar" + java.io.File.pathSeparator + "/k/other.jar");
            assertEquals(Optional.empty(), CompileClassFolder.runningJar(), "several entries: no folder to use");
            System.setProperty("java.class.path", "/k/classes");
            assertEquals(Optional.empty(), CompileClassFolder.runningJar(), "a folder already");
        } finally {
            System.setProperty("java.class.path", saved);
        }
    }

    @Test
    void beside_namesTheFolderAfterTheJar() {
        assertEquals(Path.of("/k/iamnb-kernel.classes"), CompileClassFolder.beside(Path.of("/k/iamnb-kernel.jar")));
        assertFalse(CompileClassFolder.beside(Path.of("/k/x.jar")).toString().endsWith(".jar"));
    }

    private static Snippet.Status status(List<SnippetEvent> events) {
        return events.get(0).status();
    }

    private static Path jar(Path jar, Map<String, String> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path compiled(Path out, String className, String source) throws IOException {
        Path sources = Files.createDirectories(out.resolveSibling(out.getFileName() + "-src"));
        Path file = sources.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(file, source);
        Files.createDirectories(out);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), file.toString());
        assertEquals(0, rc, "javac " + file);
        return out;
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
