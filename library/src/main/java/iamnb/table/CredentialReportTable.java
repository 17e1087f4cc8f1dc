package iamnb.table;

import iamnb.model.CredentialReport;
import iamnb.model.CredentialReportRow;
import iamnb.source.internal.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * IAM's credential report as a typed Tablesaw table.
 *
 * <p>Columns keep the CSV's snake_case names. Times become {@link InstantColumn}s and true/false become
 * {@link BooleanColumn}s; IAM's special values ({@code N/A}, {@code no_information}, {@code not_supported})
 * become missing values, and the reason is kept in a companion {@code <column>_note} string column (empty when
 * the cell held a real value). {@code is_root} marks the {@code <root_account>} row. Derived columns, all
 * computed as of the account's instant (never the wall clock): {@code key_1_age_days}, {@code key_2_age_days},
 * {@code password_days_since_use}, {@code key_1_days_since_use}, {@code key_2_days_since_use}.
 */
public final class CredentialReportTable {
    private static final Set<String> TIMES = Set.of("user_creation_time", "password_last_used",
            "password_last_changed", "password_next_rotation", "access_key_1_last_rotated",
            "access_key_1_last_used_date", "access_key_2_last_rotated", "access_key_2_last_used_date",
            "cert_1_last_rotated", "cert_2_last_rotated");
    private static final Set<String> BOOLEANS = Set.of("password_enabled", "mfa_active", "access_key_1_active",
            "access_key_2_active", "cert_1_active", "cert_2_active");
    /** Columns where IAM writes special values; they get a {@code _note} companion. */
    private static final Set<String> NOTED = Set.of("password_enabled", "password_last_used", "password_last_changed",
            "password_next_rotation", "access_key_1_last_rotated", "access_key_1_last_used_date",
            "access_key_2_last_rotated", "access_key_2_last_used_date", "cert_1_last_rotated", "cert_2_last_rotated");

    private CredentialReportTable() {}

    public static Table of(Optional<CredentialReport> report, Instant asOf) {
        List<CredentialReportRow> rows = report.map(CredentialReport::rows).orElse(List.of());
        Map<String, Column<?>> cols = new LinkedHashMap<>();
        for (String c : CredentialReportRow.COLUMNS) {
            cols.put(c, TIMES.contains(c) ? InstantColumn.create(c) : BOOLEANS.contains(c) ? BooleanColumn.create(c)
                    : StringColumn.create(c));
            if (NOTED.contains(c)) {
                cols.put(c + "_note", StringColumn.create(c + "_note"));
            }
            if (c.equals("arn")) {
                cols.put("is_root", BooleanColumn.create("is_root"));
            }
        }
        IntColumn key1Age = IntColumn.create("key_1_age_days");
        IntColumn key2Age = IntColumn.create("key_2_age_days");
        IntColumn passwordIdle = IntColumn.create("password_days_since_use");
        IntColumn key1Idle = IntColumn.create("key_1_days_since_use");
        IntColumn key2Idle = IntColumn.create("key_2_days_since_use");

        for (CredentialReportRow row : rows) {
            for (String c : CredentialReportRow.COLUMNS) {
                String v = row.get(c);
                boolean special = isSpecial(v);
                Column<?> col = cols.get(c);
                if (col instanceof InstantColumn ic) {
                    Optional<Instant> t = special ? Optional.empty() : Times.parse(v);
                    if (t.isPresent()) {
                        ic.append(t.get());
                    } else {
                        ic.appendMissing();
                    }
                } else if (col instanceof BooleanColumn bc) {
                    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                        bc.append(Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT)));
                    } else {
                        bc.appendMissing();
                    }
                } else {
                    ((StringColumn) col).append(special ? "" : v);
                }
                if (NOTED.contains(c)) {
                    ((StringColumn) cols.get(c + "_note")).append(special ? v : "");
                }
                if (c.equals("arn")) {
                    ((BooleanColumn) cols.get("is_root")).append(row.isRoot());
                }
            }
            days(key1Age, row.get("access_key_1_last_rotated"), asOf);
            days(key2Age, row.get("access_key_2_last_rotated"), asOf);
            days(passwordIdle, row.get("password_last_used"), asOf);
            days(key1Idle, row.get("access_key_1_last_used_date"), asOf);
            days(key2Idle, row.get("access_key_2_last_used_date"), asOf);
        }
        List<Column<?>> all = new ArrayList<>(cols.values());
        all.addAll(List.of(key1Age, key2Age, passwordIdle, key1Idle, key2Idle));
        return Table.create("credential report as of " + asOf, all);
    }

    static boolean isSpecial(String v) {
        return v.isEmpty() || v.equals("N/A") || v.equals("no_information") || v.equals("not_supported");
    }

    private static void days(IntColumn into, String cell, Instant asOf) {
        Optional<Instant> t = isSpecial(cell) ? Optional.empty() : Times.parse(cell);
        if (t.isPresent()) {
            into.append((int) Duration.between(t.get(), asOf).toDays());
        } else {
            into.appendMissing();
        }
    }
}
