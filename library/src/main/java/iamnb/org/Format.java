package iamnb.org;

/** The file formats tables are exported to, for engines that query more than one notebook holds. */
public enum Format {
    /**
     * Apache Parquet, one folder per account in the Hive style ({@code account=ID/part-0.parquet}), so Athena,
     * Trino, Spark and DuckDB read the folder as one table partitioned by account. Gzip-compressed pages.
     */
    PARQUET,
    /** JSON Lines: one JSON object per row, UTF-8, keys in column order, missing values as {@code null}. */
    JSON_LINES
}
