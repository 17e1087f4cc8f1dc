package iamnb.model;

import iamnb.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One row of IAM's credential report, kept exactly as IAM wrote it: 22 text cells including the special
 * values {@code N/A}, {@code no_information}, {@code not_supported} and the {@code <root_account>} row.
 * Typing happens when the report becomes a table ({@code acct.credentialReport()}), so nothing is lost here.
 *
 * @param cells the 22 cells in {@link #COLUMNS} order
 */
public record CredentialReportRow(List<String> cells) {
    /** The columns of IAM's credential report, in the order IAM writes them. */
    public static final List<String> COLUMNS = List.of(
            "user", "arn", "user_creation_time", "password_enabled", "password_last_used",
            "password_last_changed", "password_next_rotation", "mfa_active",
            "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
            "access_key_1_last_used_region", "access_key_1_last_used_service",
            "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
            "access_key_2_last_used_region", "access_key_2_last_used_service",
            "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated");

    /** The user name IAM gives the account root's row. */
    public static final String ROOT = "<root_account>";

    private static final Map<String, Integer> INDEX = IntStream.range(0, COLUMNS.size()).boxed()
            .collect(Collectors.toUnmodifiableMap(COLUMNS::get, Function.identity()));

    public CredentialReportRow {
        cells = List.copyOf(cells);
        if (cells.size() != COLUMNS.size()) {
            throw new InvalidInputException("a credential report row has " + COLUMNS.size() + " cells, this one has "
                    + cells.size());
        }
    }

    /** Builds a row from column → value; missing columns become {@code N/A}. */
    public static CredentialReportRow of(Map<String, String> values) {
        for (String column : values.keySet()) {
            if (!INDEX.containsKey(column)) {
                throw new InvalidInputException("credential report has no column \"" + column + "\"; columns are " + COLUMNS);
            }
        }
        return new CredentialReportRow(COLUMNS.stream().map(c -> values.getOrDefault(c, "N/A")).toList());
    }

    /** The cell of a column named as in the CSV header. */
    public String get(String column) {
        Integer i = INDEX.get(column);
        if (i == null) {
            throw new InvalidInputException("credential report has no column \"" + column + "\"; columns are " + COLUMNS);
        }
        return cells.get(i);
    }

    public String user() {
        return cells.get(0);
    }

    public String arn() {
        return cells.get(1);
    }

    public boolean isRoot() {
        return ROOT.equals(user());
    }
}
