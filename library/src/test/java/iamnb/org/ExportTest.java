package iamnb.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import iamnb.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Exports read back by an independent reader: Parquet by DuckDB (JDBC, in-process) with the SQL the README shows,
 * JSON Lines by Jackson, line by line.
 */
class ExportTest {
    private static final String TRICKY = "say \"hi\"\nnext line, tab\t, ünïcödé ✓, emoji 🙂, backslash \\";
    private static final Instant WHEN = Instant.parse("2026-11-01T12:34:56.789Z");

    /** The SQL block of the README's "Org-wide audits and export" section, pointed at {@code dir}. */
    private static String readmeQuery(Path dir) throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        String section = readme.split("### Org-wide audits and export", 2)[1];
        String sql = section.split("```sql\n", 2)[1].split("```", 2)[0];
        assertTrue(sql.contains("'findings/*/*.parquet'"), sql);
        return sql.replace("'findings/", "'" + dir.toAbsolutePath() + "/");
    }

    private static Connection duckdb() throws Exception {
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    /** A table with every exported type, a missing value of each, and text that must survive byte for byte. */
    private static Table tricky() {
        StringColumn account = StringColumn.create("account", "012345678901", "012345678901", "222222222222");
        StringColumn text = StringColumn.create("text", TRICKY, "", "plain");
        IntColumn n = IntColumn.create("n", 7, -3, 0);
        n.setMissing(2);
        BooleanColumn flag = BooleanColumn.create("flag", 3);
        flag.set(0, true);
        flag.set(1, false);
        InstantColumn at = InstantColumn.create("seen_at", 3);
        at.set(0, WHEN);
        at.set(1, Instant.EPOCH);
        return Table.create("tricky", account, text, n, flag, at);
    }

    @Test
    void exportAll_parquet_isReadByDuckDbWithTheReadmeQuery_asTheAuditCountsIt(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("findings");
        Table all = new OrgAudit(SmallOrg.source()).all();
        new OrgAudit(SmallOrg.source()).exportAll(dir, Format.PARQUET);
        Map<String, Integer> expected = new TreeMap<>();
        for (int i = 0; i < all.rowCount(); i++) {
            expected.merge(all.stringColumn("account").get(i) + " " + all.stringColumn("severity").get(i), 1, Integer::sum);
        }
        Map<String, Integer> actual = new TreeMap<>();
        try (Connection c = duckdb(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(readmeQuery(dir))) {
            while (rs.next()) {
                actual.put(rs.getString(1) + " " + rs.getString(2), rs.getInt(3));
            }
        }
        assertEquals(expected, actual);
        assertTrue(actual.containsKey(SmallOrg.LEGACY + " HIGH"), "account ids keep their leading zero: " + actual);
        // one partition per member, written as each was audited; the partition column lives in the folder name
        try (Stream<Path> parts = Files.list(dir)) {
            assertEquals(6, parts.filter(p -> Files.exists(p.resolve("part-0.parquet"))).count());
        }
        try (Connection c = duckdb(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "DESCRIBE SELECT * FROM read_parquet('" + dir.resolve("account=" + SmallOrg.PROD + "/part-0.parquet") + "', hive_partitioning = false)")) {
            List<String> columns = new ArrayList<>();
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
            assertEquals(AccountFindings.COLUMNS.subList(1, AccountFindings.COLUMNS.size()), columns);
        }
    }

    @Test
    void parquet_keepsTypesNullsAndTextExactly(@TempDir Path tmp) throws Exception {
        Path dir = Export.parquet(tricky(), tmp.resolve("t"));
        String sql = "SELECT account, text, n, flag, seen_at, typeof(n), typeof(flag), typeof(seen_at) FROM read_parquet('" + dir
                + "/*/*.parquet', hive_partitioning = true, hive_types = {'account': VARCHAR}) ORDER BY account, n NULLS LAST";
        try (Connection c = duckdb(); Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            try (ResultSet rs = st.executeQuery(sql)) {
                assertTrue(rs.next());
                assertEquals("012345678901", rs.getString(1));
                assertNull(rs.getString(2), "Tablesaw's missing text is exported as null");
                assertEquals(-3, rs.getInt(3));
                assertFalse(rs.getBoolean(4));
                assertEquals(Instant.EPOCH, rs.getObject(5, java.time.OffsetDateTime.class).toInstant());
                assertEquals("INTEGER", rs.getString(6));
                assertEquals("BOOLEAN", rs.getString(7));
                assertEquals("TIMESTAMP WITH TIME ZONE", rs.getString(8));
                assertTrue(rs.next());
                assertEquals(TRICKY, rs.getString(2));
                assertEquals(7, rs.getInt(3));
                assertTrue(rs.getBoolean(4));
                assertEquals(WHEN, rs.getObject(5, java.time.OffsetDateTime.class).toInstant());
                assertTrue(rs.next());
                assertEquals("222222222222", rs.getString(1));
                assertEquals("plain", rs.getString(2));
                assertNull(rs.getObject(3));
                assertNull(rs.getObject(4));
                assertNull(rs.getObject(5));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void jsonLines_isOneObjectPerRow_inColumnOrder_withNullsAndTextExactly(@TempDir Path tmp) throws Exception {
        Path file = Export.jsonLines(tricky(), tmp.resolve("t.jsonl"));
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(content.endsWith("\n"));
        String[] lines = content.split("\n", -1);
        assertEquals(4, lines.length, "three rows, each ending in a line break");
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines[0]);
        List<String> keys = new ArrayList<>();
        Iterator<String> names = first.fieldNames();
        names.forEachRemaining(keys::add);
        assertEquals(List.of("account", "text", "n", "flag", "seen_at"), keys);
        assertEquals(TRICKY, first.get("text").asText());
        assertEquals(7, first.get("n").intValue());
        assertTrue(first.get("n").isInt());
        assertTrue(first.get("flag").booleanValue());
        assertEquals(WHEN.toString(), first.get("seen_at").asText());
        JsonNode second = json.readTree(lines[1]);
        assertTrue(second.get("text").isNull());
        JsonNode third = json.readTree(lines[2]);
        assertTrue(third.get("n").isNull() && third.get("flag").isNull() && third.get("seen_at").isNull());
    }

    @Test
    void exportAll_jsonLines_writesEveryFindingWithItsAccount(@TempDir Path tmp) throws Exception {
        Table all = new OrgAudit(SmallOrg.source()).all();
        Path file = new OrgAudit(SmallOrg.source()).parallelism(2).exportAll(tmp.resolve("out"), Format.JSON_LINES);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(all.rowCount(), lines.size());
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> perAccount = new LinkedHashMap<>();
        for (String line : lines) {
            perAccount.merge(json.readTree(line).get("account").asText(), 1, Integer::sum);
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        all.stringColumn("account").forEach(a -> expected.merge(a, 1, Integer::sum));
        assertEquals(expected, perAccount);
        assertEquals(all.stringColumn("finding").get(0), json.readTree(lines.get(0)).get("finding").asText());
    }

    @Test
    void exportRefusesAFolderInUseAndATableWithoutAccountColumn(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("old.parquet"), "x");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Export.parquet(tricky(), tmp));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        Table noAccount = tricky().removeColumns("account");
        e = assertThrows(InvalidInputException.class, () -> Export.parquet(noAccount, tmp.resolve("new")));
        assertTrue(e.getMessage().contains("no \"account\" column") && e.getMessage().contains("text"), e.getMessage());
        Table odd = Table.create("odd", StringColumn.create("account", "1"),
                tech.tablesaw.api.LongColumn.create("big", new long[] {1L}).asLongColumn(), tech.tablesaw.api.DateColumn.create("d", 1));
        assertTrue(Files.exists(Export.parquet(odd, tmp.resolve("odd")).resolve("account=1/part-0.parquet")));
    }

    @Test
    void partitionValuesAreEscapedTheHiveWay() {
        assertEquals("111111111111", TableSink.escape("111111111111"));
        assertEquals("a%2Fb%3Dc%20d%C3%BC", TableSink.escape("a/b=c dü"));
    }
}
