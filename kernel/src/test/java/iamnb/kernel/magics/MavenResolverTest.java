package iamnb.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real resolution against the local repository the build itself filled. */
class MavenResolverTest {

    private final MavenResolver resolver = new MavenResolver(MavenResolver.defaultLocalRepository());
    private final PrintStream log = new PrintStream(new ByteArrayOutputStream());

    @Test
    void resolve_whenArtifactHasDependencies_thenReturnsThemToo() {
        // jackson-databind is what the kernel itself is built with, so the build put it in ~/.m2.
        List<Path> jars = resolver.resolve(List.of("com.fasterxml.jackson.core:jackson-databind:2.23.0"), log);
        assertTrue(jars.stream().anyMatch(p -> p.getFileName().toString().equals("jackson-databind-2.23.0.jar")), jars.toString());
        assertTrue(jars.stream().anyMatch(p -> p.getFileName().toString().startsWith("jackson-core-")), jars.toString());
        assertTrue(jars.stream().allMatch(Files::isRegularFile));
    }

    @Test
    void resolve_whenCoordinatesMalformed_thenSaysTheExpectedShape() {
        var e = assertThrows(MagicException.class, () -> resolver.resolve(List.of("commons-lang3"), log));
        assertTrue(e.getMessage().contains("expected group:artifact:version"), e.getMessage());
    }

    @Test
    void resolve_whenArtifactDoesNotExist_thenNamesItAndWhereItLooked() {
        var e = assertThrows(MagicException.class,
                () -> resolver.resolve(List.of("io.iamnb.missing:no-such-artifact:0.0.1"), log));
        assertTrue(e.getMessage().contains("cannot resolve io.iamnb.missing:no-such-artifact:0.0.1"), e.getMessage());
        assertTrue(e.getMessage().contains("central https://repo.maven.apache.org/maven2/"), e.getMessage());
    }

    @Test
    void addRepository_whenNotAUrl_thenRejects() {
        assertThrows(MagicException.class, () -> resolver.addRepository("x", "ftp://example.com/repo"));
    }
}
