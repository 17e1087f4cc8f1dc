package iamnb.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.Iam;
import iamnb.InvalidInputException;
import iamnb.model.PolicyDocument;
import iamnb.source.internal.Times;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits and checks that keep a hostile or broken snapshot from hanging the reader, exhausting the heap or
 * escaping as the wrong exception (issue 14); {@code fuzz.SnapshotFuzzTest} tries them at scale.
 */
class SnapshotLimitsTest {
    @TempDir
    Path tmp;

    private Path small() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("small"));
        Files.writeString(dir.resolve("gaad.json"), SnapshotReaderTest.resource("gaad/gaad-raw.json"));
        Files.writeString(dir.resolve("account.json"),
                "{\"accountId\": \"123456789012\", \"asOf\": \"2026-11-01T00:00:00+00:00\"}");
        return dir;
    }

    private Path demo() throws IOException, URISyntaxException {
        Path from = Path.of(SnapshotLimitsTest.class.getResource("/iamnb/demo/index.txt").toURI()).getParent();
        Path to = tmp.resolve("demo");
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

    private static InvalidInputException refused(Path dir) {
        return assertThrows(InvalidInputException.class,
                () -> assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Iam.fromSnapshot(dir)));
    }

    @Test
    void fromSnapshot_whenAFileIsLargerThanTheDefaultLimit_thenRefusedUnreadNamingFileAndLimit() throws IOException {
        Path dir = small();
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("cloudtrail-events.json").toFile(), "rw")) {
            f.setLength(3L << 30); // sparse: 3 GB long, no disk used
        }
        InvalidInputException e = refused(dir);
        assertEquals("cloudtrail-events.json: the file is 3,221,225,472 bytes (3072.0 MiB), larger than the limit of"
                + " 268,435,456 bytes (256.0 MiB); refused. If the file is genuine, raise the limit:"
                + " Iam.fromSnapshot(dir, bytes)", e.getMessage());
    }

    @Test
    void fromSnapshot_whenTheLimitIsConfigured_thenItAppliesToGaadAndSideFiles() throws IOException {
        Path dir = small();
        Files.writeString(dir.resolve("credential-report.csv"), SnapshotReaderTest.resource("credential-report.csv"));
        long gaad = Files.size(dir.resolve("gaad.json"));
        long report = Files.size(dir.resolve("credential-report.csv"));
        assertTrue(report < gaad, "the report is the smaller file");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Iam.fromSnapshot(dir, gaad - 1));
        assertTrue(e.getMessage().startsWith("gaad.json: the file is " + String.format("%,d", gaad) + " bytes"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> Iam.fromSnapshot(dir, report - 1));
        assertTrue(e.getMessage().contains("larger than the limit of " + String.format("%,d", report - 1)), e.getMessage());
        assertEquals(Iam.fromSnapshot(dir).snapshot(), Iam.fromSnapshot(dir, gaad).snapshot(), "a file at the limit is read");
    }

    @Test
    void fromSnapshot_whenAnOuListsTheRootAsItsChild_thenRefusedNamingTheCycle() throws IOException, URISyntaxException {
        Path dir = demo();
        Files.writeString(dir.resolve("organization/ous/ou-a1b2-prod0001.json"),
                "{\"OrganizationalUnits\": [{\"Id\": \"r-a1b2\", \"Name\": \"Root again\"}]}");
        InvalidInputException e = refused(dir);
        assertTrue(e.getMessage().startsWith("organization/ous/ou-a1b2-prod0001.json: $.OrganizationalUnits[0]:"
                + " organization unit r-a1b2 is listed here and already at organization/list-roots.json: $.Roots[0]:"
                + " the OU tree has a cycle"), e.getMessage());
    }

    @Test
    void fromSnapshot_whenATimestampIsBeyondAnyInstant_thenInvalidInputNamingFileAndPath() throws IOException {
        Path dir = small();
        Files.writeString(dir.resolve("account.json"), "{\"accountId\": \"123456789012\", \"asOf\": 99999999999999999999}");
        InvalidInputException e = refused(dir);
        assertTrue(e.getMessage().startsWith("account.json: $.asOf: \"99999999999999999999\" is not a timestamp"),
                e.getMessage());
        assertEquals(Optional.empty(), Times.parse("9223372036854775808"));
        assertEquals(Optional.empty(), Times.parse("31556889864403200"));
    }

    @Test
    void timesParse_whenTheOffsetIsDoubledOrOutOfRange_thenNotATimestamp() {
        assertEquals(Optional.empty(), Times.parse("2024-01-15T10:00:00ZZ"));
        assertEquals(Optional.empty(), Times.parse("2024-01-15T10:00:00+25:00"));
        assertEquals(Optional.of(java.time.Instant.parse("2024-01-15T00:00:00Z")), Times.parse("2024-01-15T10:00:00+10:00"));
    }

    @Test
    void fromSnapshot_whenAFileInAListedFolderIsALinkLoop_thenInvalidInputNamingTheLink()
            throws IOException, URISyntaxException {
        Path dir = demo();
        Path target = dir.resolve("organization/targets/111111111111.json");
        Files.delete(target);
        Files.createSymbolicLink(target, target.getFileName());
        InvalidInputException e = refused(dir);
        assertTrue(e.getMessage().startsWith("\"organization/targets/111111111111.json\" is a symbolic link that loops"),
                e.getMessage());
    }

    @Test
    void fromSnapshot_whenASideFileIsNotUtf8_thenInvalidInputNamingTheByte() throws IOException {
        Path dir = small();
        byte[] csv = SnapshotReaderTest.resource("credential-report.csv").getBytes(StandardCharsets.UTF_8);
        csv[300] = (byte) 0xFF;
        Files.write(dir.resolve("credential-report.csv"), csv);
        InvalidInputException e = refused(dir);
        assertEquals("credential-report.csv: not UTF-8 at byte 300 (0xFF); save the file as UTF-8", e.getMessage());
    }

    @Test
    void fromSnapshot_whenFilesCarryAByteOrderMarkOrAreUtf16_thenTheyLoadAsUtf8Does() throws IOException {
        Path dir = small();
        String report = SnapshotReaderTest.resource("credential-report.csv");
        Files.writeString(dir.resolve("credential-report.csv"), report);
        var plain = Iam.fromSnapshot(dir).snapshot();
        Files.write(dir.resolve("credential-report.csv"), ("\uFEFF" + report).getBytes(StandardCharsets.UTF_8));
        assertEquals(plain, Iam.fromSnapshot(dir).snapshot());
        Files.write(dir.resolve("credential-report.csv"), ("\uFEFF" + report).getBytes(StandardCharsets.UTF_16LE));
        assertEquals(plain, Iam.fromSnapshot(dir).snapshot());
    }

    @Test
    void fromSnapshot_whenASideFileIsASymbolicLinkLoop_thenInvalidInputNamingTheLink() throws IOException {
        Path dir = small();
        Files.createSymbolicLink(dir.resolve("buckets.json"), Path.of("buckets.json"));
        InvalidInputException e = refused(dir);
        assertTrue(e.getMessage().startsWith("\"buckets.json\" is a symbolic link that loops or leads to nothing"),
                e.getMessage());
    }

    @Test
    void fromSnapshot_whenAFileNestsDeeperThanTheLimit_thenInvalidInputNamingLineAndColumn() throws IOException {
        Path dir = small();
        Files.writeString(dir.resolve("buckets.json"), "{\"Buckets\":\n" + "[".repeat(200) + "]".repeat(200) + "}");
        InvalidInputException e = refused(dir);
        assertEquals("buckets.json: not valid JSON at line 2, column 129: Document nesting depth (129) exceeds the"
                + " maximum allowed (128)", e.getMessage());
    }

    @Test
    void parse_whenADocumentNestsDeeperThanAPolicyCan_thenInvalidInputNamingDepthAndPlace() {
        String deep = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":"
                + "{\"a\":".repeat(40) + "1" + "}".repeat(40) + "}}";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PolicyDocument.parse(deep, "doc"));
        assertTrue(e.getMessage().startsWith("doc: not valid JSON at line 1, column "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Document nesting depth (33) exceeds the maximum allowed (32)"), e.getMessage());
    }

    @Test
    void parse_whenADocumentIsLongerThanTheLimit_thenRefusedUnreadInBoundedTime() {
        String huge = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":[\""
                + "x\",\"".repeat(5_000_000) + "*\"]}}";
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> assertTimeoutPreemptively(Duration.ofSeconds(2), () -> PolicyDocument.parse(huge, "doc")));
        assertEquals("doc: the policy document has " + String.format("%,d", huge.length()) + " characters, more than the limit of 131,072 (AWS's"
                + " largest, a KMS key policy, has 32,768); refused unread", e.getMessage());
    }

    @Test
    void parse_whenAUrlEncodedDocumentDecodesToInvalidUtf8_thenInvalidInputNamingTheByte() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PolicyDocument.parse("%7B%22Statement%22%3A%FF%7D", "doc"));
        assertEquals("doc (after URL-decoding): not UTF-8 at byte 13 (0xFF); save the file as UTF-8", e.getMessage());
    }

}
