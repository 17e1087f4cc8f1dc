package iamnb.org.internal;

import iamnb.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.Column;

/**
 * The value kinds a table export writes, one per Tablesaw column type it supports, with the Parquet type each
 * becomes: text as UTF-8 strings, whole numbers as INT32/INT64, booleans, decimals as DOUBLE, instants as
 * {@code TIMESTAMP(MILLIS, UTC)}, local date-times as {@code TIMESTAMP(MILLIS)} not adjusted to UTC, dates as
 * {@code DATE}. A value Tablesaw counts as missing (the empty string of a text column, for one) is written as null.
 */
public enum ColumnKind {
    STRING, INT, LONG, BOOLEAN, DOUBLE, INSTANT, DATE_TIME, DATE;

    /**
     * The kind of a column.
     *
     * @throws InvalidInputException for a column type the export does not write, naming the column
     */
    public static ColumnKind of(Column<?> column) {
        ColumnType t = column.type();
        if (t == ColumnType.STRING) {
            return STRING;
        } else if (t == ColumnType.INTEGER || t == ColumnType.SHORT) {
            return INT;
        } else if (t == ColumnType.LONG) {
            return LONG;
        } else if (t == ColumnType.BOOLEAN) {
            return BOOLEAN;
        } else if (t == ColumnType.DOUBLE || t == ColumnType.FLOAT) {
            return DOUBLE;
        } else if (t == ColumnType.INSTANT) {
            return INSTANT;
        } else if (t == ColumnType.LOCAL_DATE_TIME) {
            return DATE_TIME;
        } else if (t == ColumnType.LOCAL_DATE) {
            return DATE;
        }
        throw new InvalidInputException("column \"" + column.name() + "\" is of type " + t.name()
                + ", which the export does not write; convert it to text, a number, a boolean or a time first");
    }

    /** The value at a row as the Java object the writers take, or null when missing. */
    public Object value(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return null;
        }
        Object v = column.get(row);
        switch (this) {
            case INT:
                return ((Number) v).intValue();
            case DOUBLE:
                return ((Number) v).doubleValue();
            default:
                return v;
        }
    }

    /** Milliseconds since the epoch of an {@link #INSTANT} or {@link #DATE_TIME} value (a date-time read as UTC). */
    public static long epochMillis(Object value) {
        if (value instanceof Instant i) {
            return i.toEpochMilli();
        }
        return ((LocalDateTime) value).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** Days since the epoch of a {@link #DATE} value. */
    public static int epochDays(Object value) {
        return (int) ((LocalDate) value).toEpochDay();
    }
}
