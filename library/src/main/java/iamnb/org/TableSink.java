package iamnb.org;

import iamnb.InvalidInputException;
import iamnb.SourceUnavailableException;
import iamnb.org.internal.JsonLinesFile;
import iamnb.org.internal.ParquetFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Where exported rows go, a table at a time, so an organization's findings are written as each account is audited
 * and never sit in memory together.
 *
 * <ul>
 *   <li>{@link Format#PARQUET}: a folder in the Hive layout, partitioned by the {@value #ACCOUNT} column:
 *       {@code account=111111111111/part-0.parquet}, one more part per later batch of the same account. The
 *       partition column lives in the folder name, not in the files, as Athena, Trino, Spark and DuckDB expect.
 *   <li>{@link Format#JSON_LINES}: one file, every column of every row (the {@value #ACCOUNT} column too).
 * </ul>
 *
 * The target must not exist yet, or be an empty folder: rows of an earlier export are never mixed in.
 */
public final class TableSink implements Closeable {
    /** The column Parquet exports are partitioned by. */
    public static final String ACCOUNT = "account";
    /** Hive's folder name for rows whose partition value is missing. */
    static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    private final Format format;
    private final Path target;
    private final JsonLinesFile jsonLines;
    private final Map<String, Integer> partsPerAccount = new HashMap<>();
    private long rows;

    private TableSink(Format format, Path target) {
        this.format = Objects.requireNonNull(format, "format");
        this.target = Objects.requireNonNull(target, "target");
        requireFresh(target);
        this.jsonLines = format == Format.JSON_LINES ? new JsonLinesFile(target) : null;
    }

    /** A Parquet folder partitioned by account, at {@code dir} (new or empty). */
    public static TableSink parquet(Path dir) {
        return new TableSink(Format.PARQUET, dir);
    }

    /** A JSON Lines file at {@code file} (new). */
    public static TableSink jsonLines(Path file) {
        return new TableSink(Format.JSON_LINES, file);
    }

    /** A sink of either format: a folder for {@link Format#PARQUET}, a file for {@link Format#JSON_LINES}. */
    public static TableSink of(Format format, Path target) {
        return new TableSink(format, target);
    }

    public Format format() {
        return format;
    }

    /** The folder (Parquet) or file (JSON Lines) written. */
    public Path target() {
        return target;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /**
     * Writes every row of {@code table}. For Parquet the table needs an {@value #ACCOUNT} column; its rows are
     * grouped by account (in order of first appearance) into one new part file per account.
     *
     * @throws InvalidInputException when a Parquet export's table has no {@value #ACCOUNT} column, or a column of
     *     a type the export does not write
     */
    public void write(Table table) {
        if (format == Format.JSON_LINES) {
            jsonLines.write(table);
            rows += table.rowCount();
            return;
        }
        if (!table.columnNames().contains(ACCOUNT)) {
            throw new InvalidInputException("table \"" + table.name() + "\" has no \"" + ACCOUNT + "\" column to "
                    + "partition the Parquet export by; its columns are " + table.columnNames()
                    + " (export it as JSON Lines, or add the column)");
        }
        List<String> dataColumns = table.columnNames().stream().filter(n -> !n.equals(ACCOUNT)).toList();
        Column<?> account = table.column(ACCOUNT);
        Map<String, List<Integer>> rowsByAccount = new LinkedHashMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            String value = account.isMissing(row) ? DEFAULT_PARTITION : account.getString(row);
            rowsByAccount.computeIfAbsent(value, k -> new ArrayList<>()).add(row);
        }
        rowsByAccount.forEach((value, rowNumbers) -> writePart(value, table.rows(rowNumbers.stream()
                .mapToInt(Integer::intValue).toArray()), dataColumns));
    }

    /**
     * Writes one account's rows (possibly none: the account was audited and found clean, and its partition says
     * so) as a new part of its partition. {@code rows} may lack the {@value #ACCOUNT} column.
     */
    public void writeAccount(String accountId, Table rowsOfAccount) {
        if (format == Format.JSON_LINES) {
            jsonLines.write(rowsOfAccount);
            rows += rowsOfAccount.rowCount();
            return;
        }
        writePart(accountId, rowsOfAccount, rowsOfAccount.columnNames().stream().filter(n -> !n.equals(ACCOUNT)).toList());
    }

    private void writePart(String accountValue, Table part, List<String> columns) {
        String folder = ACCOUNT + "=" + (accountValue.isEmpty() ? DEFAULT_PARTITION : escape(accountValue));
        int n = partsPerAccount.merge(folder, 1, Integer::sum) - 1;
        ParquetFiles.write(part, columns, target.resolve(folder).resolve("part-" + n + ".parquet"));
        rows += part.rowCount();
    }

    /** Hive's escaping of a partition value: bytes outside letters, digits, {@code . _ -} as {@code %XX}. */
    static String escape(String value) {
        StringBuilder b = new StringBuilder();
        for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-')) {
                b.append(c);
            } else {
                b.append('%').append(String.format("%02X", x & 0xff));
            }
        }
        return b.toString();
    }

    static void requireFresh(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new InvalidInputException("export target " + target + " already exists; choose a new path");
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent()) {
                throw new InvalidInputException("export folder " + target + " is not empty; choose a new or empty "
                        + "folder, so rows of an earlier export are not mixed in");
            }
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot read export folder " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (jsonLines != null) {
            jsonLines.close();
        }
    }
}
