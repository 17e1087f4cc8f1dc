package iamnb.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * The README's "Policy evaluation", "Runbooks" and "Charts" sections teach the API through snippets: every {@code ```java} block of
 * those sections (blocks marked {@code no-run} need AWS credentials and are skipped) is evaluated here, in a
 * JShell on this class path with the kernel's default imports, as a notebook would run it.
 */
class ReadmeRunbooksAndChartsTest {
    private static final List<String> IMPORTS = List.of("iamnb.*", "iamnb.model.*", "iamnb.policy.*", "iamnb.runbook.*", "iamnb.chart.*",
            "java.util.*", "java.time.*", "java.nio.file.*", "tech.tablesaw.api.*");

    static String section(String readme, String heading) {
        int start = readme.indexOf("\n## " + heading + "\n");
        assertTrue(start >= 0, "README has no \"## " + heading + "\" section");
        int end = readme.indexOf("\n## ", start + 4);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    static List<String> runnableJavaBlocks(String section) {
        List<String> blocks = new ArrayList<>();
        String[] lines = section.split("\n", -1);
        StringBuilder block = null;
        for (String line : lines) {
            if (block == null && line.strip().equals("```java")) {
                block = new StringBuilder();
            } else if (block != null && line.strip().equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    @Test
    void readmeSnippets_runAsWritten() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        blocks.addAll(runnableJavaBlocks(section(readme, "Policy evaluation")));
        blocks.addAll(runnableJavaBlocks(section(readme, "Runbooks")));
        blocks.addAll(runnableJavaBlocks(section(readme, "Charts")));
        assertEquals(3, blocks.size(), "one runnable block per section");

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
            for (String block : blocks) {
                String rest = block;
                while (!rest.isBlank()) {
                    SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
                    if (!info.completeness().isComplete()) {
                        fail("README snippet is not complete Java: " + rest);
                    }
                    eval(shell, info.source());
                    rest = info.remaining();
                }
            }
            assertEquals("EXPLICIT_DENY", eval(shell, "decision.verdict()"));
            assertEquals("ALLOW", eval(shell, "draftDecision.verdict()"));
            assertEquals("2", eval(shell, "plan.executableCount()"));
            assertTrue(eval(shell, "plan.toCli()").contains("aws iam create-role"));
            assertEquals("\"Access key age, as of 2026-11-01 (service users)\"", eval(shell, "svc.title()"));
            assertFalse(eval(shell, "svc.data().rowCount()").equals("0"));
        }
    }

    private static String eval(JShell shell, String source) {
        String value = null;
        for (SnippetEvent e : shell.eval(source)) {
            if (e.status() == Snippet.Status.REJECTED) {
                fail("README snippet does not compile: " + source.strip() + "\n" + shell.diagnostics(e.snippet())
                        .map(d -> d.getMessage(java.util.Locale.ROOT)).toList());
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
