package iamnb.source.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import iamnb.Account;
import iamnb.Iam;
import iamnb.InvalidInputException;
import iamnb.model.PolicyDocument;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Snapshot folders and policy documents are someone else's input (issue 14). Several hundred mutations, drawn
 * from a fixed seed so every run tries the same cases, must each end in a sensible load or an {@link
 * InvalidInputException} that names the file and the place (line, JSON path, column or byte), within a time
 * limit: never a NullPointerException, ClassCastException, StackOverflowError, a raw IllegalArgumentException or
 * DateTimeException, an I/O error for bad content, an OutOfMemoryError or a hang. The summary printed at the end
 * counts the cases by kind and by outcome; with the environment variable {@code IAMNB_FUZZ_VERBOSE} set, every case
 * that loaded is listed too, to judge whether loading it was sensible.
 */
class SnapshotFuzzTest {
    private static final long SEED = 14;
    private static final Duration PER_CASE = Duration.ofSeconds(10);
    /** How an error names a place inside a file or document. */
    private static final Pattern PLACE = Pattern.compile("line \\d+|\\$|byte \\d+|column \\d+|character \\d+");
    private static final String ORIGIN = "fuzz-origin";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SUMMARIES = new ArrayList<>();

    @TempDir
    static Path tmp;
    private static Path demo;
    private static Path small;

    @BeforeAll
    static void folders() throws IOException, URISyntaxException {
        demo = copy(Path.of(SnapshotFuzzTest.class.getResource("/iamnb/demo/index.txt").toURI()).getParent(),
                tmp.resolve("base-demo"));
        small = Files.createDirectories(tmp.resolve("base-small"));
        Files.writeString(small.resolve("gaad.json"), resource("gaad/gaad-raw.json"));
        Files.writeString(small.resolve("credential-report.csv"), resource("credential-report.csv"));
        Files.writeString(small.resolve("account.json"),
                "{\"accountId\": \"123456789012\", \"asOf\": \"2026-11-01T00:00:00+00:00\"}");
    }

    @AfterAll
    static void printSummary() {
        SUMMARIES.forEach(System.out::println);
    }

    @Test
    void fromSnapshot_whenFolderIsMutated_thenLoadsOrNamesFileAndPlace() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        List<FuzzCase> cases = new ArrayList<>();
        cases.addAll(new FolderMutations(demo, random).cases("demo", 22));
        cases.addAll(new FolderMutations(small, random).cases("small", 14));
        cases.addAll(organizationCycles());
        cases.addAll(policiesInGaad());

        FuzzTally tally = new FuzzTally();
        long start = System.nanoTime();
        int n = 0;
        for (FuzzCase c : cases) {
            Path dir = copy(c.base().equals("demo") ? demo : small, tmp.resolve("case-" + n++));
            c.mutate().apply(dir);
            run(tally, c.kind(), c.base() + " " + c.target(), () -> Iam.fromSnapshot(dir),
                    e -> judge(e.getMessage(), c.file(), c.wholeFile()));
            delete(dir);
        }
        String summary = tally.summary("snapshot folder fuzz", (System.nanoTime() - start) / 1_000_000);
        SUMMARIES.add(summary);
        assertTrue(cases.size() >= 300, "at least 300 mutations; made " + cases.size());
        assertEquals(List.of(), tally.violations(), summary);
    }

    @Test
    void policyDocumentParse_whenDocumentIsMalformedOrHuge_thenLoadsOrNamesPlace() {
        List<PolicyMutations.Doc> docs = PolicyMutations.all();
        FuzzTally tally = new FuzzTally();
        long start = System.nanoTime();
        for (PolicyMutations.Doc d : docs) {
            run(tally, d.kind(), d.kind() + " (" + d.text().length() + " chars)",
                    () -> PolicyDocument.parse(d.text(), ORIGIN),
                    // a document over the size limit is refused unread: the document as a whole is the place
                    e -> judge(e.getMessage(), ORIGIN, d.wholeDocument() || d.text().length() > PolicyDocument.MAX_LENGTH));
        }
        String summary = tally.summary("policy document fuzz", (System.nanoTime() - start) / 1_000_000);
        SUMMARIES.add(summary);
        assertTrue(docs.size() >= 100, "at least 100 documents; made " + docs.size());
        assertEquals(List.of(), tally.violations(), summary);
    }

    @Test
    void fromSnapshot_whenAConditionLists100000Values_thenRefusedNamingSizeAndLimit() throws IOException {
        Path dir = withAliceInline(tmp.resolve("many-values"), PolicyMutations.conditionValues(100_000));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> assertTimeoutPreemptively(PER_CASE, () -> Iam.fromSnapshot(dir)));
        assertTrue(e.getMessage().startsWith("gaad.json"), e.getMessage());
        assertTrue(e.getMessage().contains("$.UserDetailList[0].UserPolicyList[0].PolicyDocument"), e.getMessage());
        assertTrue(e.getMessage().contains("more than the limit of 393,216"), e.getMessage());
    }

    @Test
    void simulate_whenAConditionListsValuesUpToTheSizeLimit_thenLoadsAndDecidesInBoundedTime() throws IOException {
        String document = PolicyMutations.conditionValues(10_500);
        assertTrue(document.length() > PolicyDocument.MAX_LENGTH * 9 / 10 && document.length() <= PolicyDocument.MAX_LENGTH,
                "a document just under the limit: " + document.length());
        Path dir = withAliceInline(tmp.resolve("values-at-limit"), document);
        assertTimeoutPreemptively(PER_CASE, () -> {
            Account acct = Iam.fromSnapshot(dir);
            var condition = acct.user("alice").inlinePolicies().get(0).document().statements().get(0).conditions().get(0);
            assertEquals(10_500, condition.values().size());
            for (int i = 0; i < 20; i++) {
                acct.simulate("arn:aws:iam::123456789012:user/alice", "s3:GetObject", "arn:aws:s3:::reports/" + i);
            }
        });
    }

    /** The small folder with alice's first inline policy replaced by {@code document}, URL-encoded as IAM returns it. */
    private static Path withAliceInline(Path dir, String document) throws IOException {
        copy(small, dir);
        ObjectNode gaad = (ObjectNode) JSON.readTree(dir.resolve("gaad.json").toFile());
        ObjectNode inline = (ObjectNode) gaad.get("UserDetailList").get(0).get("UserPolicyList").get(0);
        inline.set("PolicyDocument", TextNode.valueOf(PolicyMutations.encode(document)));
        Files.writeString(dir.resolve("gaad.json"), JSON.writeValueAsString(gaad));
        return dir;
    }

    // ---- cases that need a whole folder's context -----------------------------------------------------------

    /** An OU that lists the root (or itself, or its parent) as its child: the tree has a cycle. */
    private static List<FuzzCase> organizationCycles() {
        String ous = "organization/ous/";
        String entry = "{\"OrganizationalUnits\":[{\"Id\":\"%s\",\"Name\":\"loop\"}]}";
        return List.of(
                new FuzzCase("organization cycle", "demo", ous + "ou-a1b2-prod0001.json", dir ->
                        Files.writeString(dir.resolve(ous + "ou-a1b2-prod0001.json"), entry.formatted("r-a1b2")), false),
                new FuzzCase("organization cycle", "demo", ous + "ou-a1b2-shrd0001.json", dir ->
                        Files.writeString(dir.resolve(ous + "ou-a1b2-shrd0001.json"), entry.formatted("ou-a1b2-shrd0001")),
                        false),
                new FuzzCase("organization cycle", "demo", ous + "ou-a1b2-leaf0001.json", dir -> {
                    Files.writeString(dir.resolve(ous + "ou-a1b2-sbox0001.json"), entry.formatted("ou-a1b2-leaf0001"));
                    Files.writeString(dir.resolve(ous + "ou-a1b2-leaf0001.json"), entry.formatted("ou-a1b2-sbox0001"));
                }, false),
                new FuzzCase("organization cycle", "demo", ous + "r-a1b2.json", dir -> {
                    String roots = Files.readString(dir.resolve(ous + "r-a1b2.json"));
                    Files.writeString(dir.resolve(ous + "r-a1b2.json"), roots.replace("ou-a1b2-shrd0001", "ou-a1b2-prod0001"));
                }, false));
    }

    /** The fuzzed policy documents that matter most for memory and stack, embedded in gaad.json as a trust policy. */
    private static List<FuzzCase> policiesInGaad() {
        List<FuzzCase> out = new ArrayList<>();
        List<PolicyMutations.Doc> heavy = new ArrayList<>(PolicyMutations.deeplyNested());
        heavy.addAll(PolicyMutations.huge());
        heavy.addAll(PolicyMutations.malformedStatements().subList(0, 8));
        for (PolicyMutations.Doc d : heavy) {
            out.add(new FuzzCase("policy in gaad.json: " + d.kind(), "small", "gaad.json", dir -> embedTrust(dir, d.text()),
                    false));
        }
        return out;
    }

    /** Replaces the first role's trust policy with {@code text} as a string (the raw API form); returns the role. */
    private static String embedTrust(Path dir, String text) throws IOException {
        ObjectNode gaad = (ObjectNode) JSON.readTree(dir.resolve("gaad.json").toFile());
        ObjectNode role = (ObjectNode) gaad.get("RoleDetailList").get(0);
        role.set("AssumeRolePolicyDocument", TextNode.valueOf(text));
        Files.writeString(dir.resolve("gaad.json"), JSON.writeValueAsString(gaad));
        return role.get("RoleName").asText();
    }

    // ---- running and judging one case -----------------------------------------------------------------------

    interface Judge {
        /** Why this InvalidInputException breaks the rules, or null when it is clear. */
        String problem(InvalidInputException e);
    }

    private static void run(FuzzTally tally, String kind, String what, org.junit.jupiter.api.function.Executable load,
                            Judge judge) {
        long t0 = System.nanoTime();
        String outcome;
        String violation = null;
        try {
            assertTimeoutPreemptively(PER_CASE, load);
            outcome = FuzzTally.LOADED;
            if (System.getenv("IAMNB_FUZZ_VERBOSE") != null) {
                System.out.println("loaded: " + kind + ": " + what);
            }
        } catch (InvalidInputException e) {
            outcome = FuzzTally.INVALID;
            String problem = judge.problem(e);
            if (problem != null) {
                outcome = FuzzTally.INVALID + " (place not named)";
                violation = what + ": " + problem + ": " + FolderMutations.abbreviate200(e.getMessage());
            }
        } catch (AssertionFailedError e) {
            outcome = "time-out (" + PER_CASE.toSeconds() + " s)";
            violation = what + ": no answer within " + PER_CASE.toSeconds() + " s";
        } catch (Throwable e) {
            outcome = e.getClass().getName();
            violation = what + ": " + e.getClass().getName() + ": " + FolderMutations.abbreviate200(String.valueOf(e.getMessage()));
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        tally.record(kind, outcome, violation, millis, what);
    }

    private static String judge(String message, String file, boolean wholeFile) {
        String name = file.contains("/") ? file : file;
        if (!message.contains(name) && !message.contains(Path.of(name).getFileName().toString())) {
            return "does not name " + file;
        }
        if (!wholeFile && !PLACE.matcher(message).find()) {
            return "names no line, JSON path, column or byte";
        }
        return null;
    }

    // ---- files ----------------------------------------------------------------------------------------------

    private static String resource(String name) throws IOException {
        try (InputStream in = SnapshotFuzzTest.class.getResourceAsStream("/iamnb/source/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(dir);
        }
    }
}
