package iamnb.audit;

import static org.junit.jupiter.api.Assertions.*;

import iamnb.Iam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CheckCatalogueTest {
    private static final Path AUDIT_SOURCES = Path.of("src/main/java/iamnb/audit");
    /** The organization checks (ORG-*) run in iamnb.org, above the audit layer. */
    private static final Path ORG_SOURCES = Path.of("src/main/java/iamnb/org");
    private static final Pattern ID_LITERAL = Pattern.compile("\"[A-Z][A-Z0-9]+(-[A-Z0-9]+)+\"");

    @Test
    void catalogue_idsAreUnique_andEveryCheckHasTitleAndAwsDoc() {
        Set<String> ids = new HashSet<>();
        for (Check c : Check.values()) {
            assertTrue(ids.add(c.id()), "duplicate id " + c.id());
            assertFalse(c.title().isBlank(), c.id());
            assertTrue(c.doc().startsWith("https://docs.aws.amazon.com/"), c.id() + " " + c.doc());
            assertEquals(Check.of(c.id()), java.util.Optional.of(c));
        }
    }

    @Test
    void catalogue_resolvesFamilyMembers_andNothingElse() {
        assertEquals(Check.ANALYZER, Check.of("ANALYZER-UnusedIAMRole").orElseThrow());
        assertEquals(Check.BREAK_GLASS, Check.of("BREAK-GLASS-BG-MFA").orElseThrow());
        assertTrue(Check.of("NO-SUCH-CHECK").isEmpty());
    }

    @Test
    void everyFindingAndChecklistRow_onDemo_carriesACataloguedId() {
        var audit = Iam.demo().audit();
        List<String> ids = new ArrayList<>();
        audit.all().list().forEach(f -> ids.add(f.check()));
        for (Checklist c : List.of(audit.breakGlass(), audit.verifyBoundary(),
                audit.irsa("my-app-role", "default", "my-app-sa"))) {
            c.items().forEach(i -> ids.add(i.id()));
        }
        assertTrue(ids.size() > 40, ids.toString());
        ids.forEach(id -> assertTrue(Check.of(id).isPresent(), id + " is not in the catalogue"));
    }

    @Test
    void auditSources_useTheCatalogue_notIdLiterals() throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(AUDIT_SOURCES), Files.walk(ORG_SOURCES))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.getFileName().toString().equals("Check.java")) {
                    continue;
                }
                Matcher m = ID_LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    literals.add(f.getFileName() + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), literals);
        String users = String.join("\n", readAllExcept("Check.java"));
        List<String> unused = Arrays.stream(Check.values()).map(Enum::name)
                .filter(n -> !users.contains("Check." + n + ".")).toList();
        assertEquals(List.of(), unused, "catalogued but used by no audit");
    }

    private static List<String> readAllExcept(String name) throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(AUDIT_SOURCES), Files.walk(ORG_SOURCES))) {
            List<String> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.getFileName().toString().equals(name)).toList()) {
                out.add(Files.readString(f));
            }
            return out;
        }
    }
}
