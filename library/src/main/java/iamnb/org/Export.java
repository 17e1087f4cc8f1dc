package iamnb.org;

import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * Any Tablesaw table to Parquet or JSON Lines, for Athena, Trino, Spark or DuckDB to query where one notebook would
 * not be enough. A table with an {@code account} column (as every organization-wide table has) goes to Parquet
 * partitioned by account; see {@link TableSink} for the layouts.
 *
 * <pre>{@code
 * var findings = org.audit().all();
 * Export.parquet(findings, Path.of("findings"));     // findings/account=111111111111/part-0.parquet, ...
 * Export.jsonLines(findings, Path.of("findings.jsonl"));
 * }</pre>
 */
public final class Export {
    private Export() {}

    /** Writes {@code table} as Parquet under {@code dir} (new or empty), partitioned by its account column. */
    public static Path parquet(Table table, Path dir) {
        return to(table, Format.PARQUET, dir);
    }

    /** Writes {@code table} as one JSON Lines file (new). */
    public static Path jsonLines(Table table, Path file) {
        return to(table, Format.JSON_LINES, file);
    }

    /** Writes {@code table} in {@code format}: a folder for Parquet, a file for JSON Lines. */
    public static Path to(Table table, Format format, Path target) {
        try (TableSink sink = TableSink.of(format, target)) {
            sink.write(table);
        }
        return target;
    }
}
