package iamnb.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * The README's "Service catalogue" section: its Java block runs as a notebook would run it (kernel imports), and
 * the version it names is the one bundled.
 */
class ReadmeCatalogTest {
    private static final List<String> IMPORTS = List.of("iamnb.*", "iamnb.model.*", "iamnb.catalog.*",
            "java.util.*", "tech.tablesaw.api.*");

    @Test
    void readmeSection_namesTheBundledVersionAndItsSnippetRuns() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Service catalogue\n");
        assertTrue(start >= 0, "README has no \"## Service catalogue\" section");
        int end = readme.indexOf("\n## ", start + 4);
        String section = readme.substring(start, end);
        CatalogVersion v = Catalog.aws().version();
        assertTrue(section.contains(v.source()) && section.contains(v.version()) && section.contains(v.date()),
                "README names another catalogue than " + v);

        int code = section.indexOf("```java\n");
        String block = section.substring(code + "```java\n".length(), section.indexOf("\n```", code + 1));
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            for (String entry : cp.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    shell.addToClasspath(entry);
                }
            }
            for (String imp : IMPORTS) {
                eval(shell, "import " + imp + ";");
            }
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            String rest = block;
            while (!rest.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
                if (!info.completeness().isComplete()) {
                    fail("README snippet is not complete Java: " + rest);
                }
                eval(shell, info.source());
                rest = info.remaining();
            }
            assertEquals("\"UNKNOWN-ACTION\"", eval(shell, "lint.table().stringColumn(\"check\").get(0)"));
            assertEquals("WRITE", eval(shell, "catalog.action(\"iam:PassRole\").get().accessLevel().name()").replace("\"", ""));
        }
    }

    private static String eval(JShell shell, String source) {
        String value = null;
        for (SnippetEvent e : shell.eval(source)) {
            if (e.status() == Snippet.Status.REJECTED) {
                fail("README snippet does not compile: " + source.strip());
            }
            if (e.exception() != null) {
                fail("README snippet threw: " + source.strip() + "\n" + e.exception());
            }
            if (e.value() != null) {
                value = e.value();
            }
        }
        return value;
    }
}
