package iamnb.chart.internal;

import iamnb.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads chart inputs from any Tablesaw table by column name, so analysts can chart their own filtered or
 * joined tables. A missing or mistyped column is an error that lists the table's columns and says how to name
 * another one.
 */
public final class Columns {
    private Columns() {}

    public static boolean has(Table t, String name) {
        return t.columnNames().stream().anyMatch(c -> c.equalsIgnoreCase(name));
    }

    public static Column<?> column(Table t, String name, String chart) {
        if (!has(t, name)) {
            throw new InvalidInputException(chart + ": table \"" + t.name() + "\" has no column \"" + name
                    + "\"; its columns are " + t.columnNames() + ". Name the columns to chart, e.g. "
                    + "o -> o.valueColumns(\"age_days\") or o -> o.labelColumn(\"user\")");
        }
        return t.column(name);
    }

    /** The first of {@code names} the table has, if any. */
    public static Optional<String> firstPresent(Table t, List<String> names) {
        return names.stream().filter(n -> has(t, n)).findFirst();
    }

    /** A numeric cell as a double, empty when missing. */
    public static Optional<Double> number(Column<?> c, int row, String chart) {
        if (!(c instanceof NumericColumn<?> n)) {
            throw new InvalidInputException(chart + ": column \"" + c.name() + "\" holds " + c.type().name()
                    + ", not numbers (days); choose a numeric column such as age_days or days_since_use");
        }
        return n.isMissing(row) ? Optional.empty() : Optional.of(n.getDouble(row));
    }

    /** A date or time cell as an instant (dates at midnight UTC), empty when missing. */
    public static Optional<Instant> instant(Column<?> c, int row, String chart) {
        if (c.isMissing(row)) {
            return Optional.empty();
        }
        if (c instanceof InstantColumn ic) {
            return Optional.of(ic.get(row));
        }
        if (c instanceof DateTimeColumn dc) {
            LocalDateTime v = dc.get(row);
            return Optional.of(v.toInstant(ZoneOffset.UTC));
        }
        if (c instanceof DateColumn dc) {
            LocalDate v = dc.get(row);
            return Optional.of(v.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        throw new InvalidInputException(chart + ": column \"" + c.name() + "\" holds " + c.type().name()
                + ", not dates; choose an instant, date-time or date column such as password_last_used");
    }

    public static String text(Column<?> c, int row) {
        return c.isMissing(row) ? "" : c.getString(row);
    }
}
