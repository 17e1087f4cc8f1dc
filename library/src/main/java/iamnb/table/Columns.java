package iamnb.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A table described column by column: each column is a name and what it shows of one row. The description is
 * the table's schema and its filling at once, so a column is one line and the columns' order is read top-down.
 * A {@code null} from an instant or number column is a missing value.
 *
 * @param <T> what one row is made from
 */
final class Columns<T> {
    private record Spec<T>(Column<?> column, java.util.function.Consumer<T> append) {}

    private final List<Spec<T>> specs = new ArrayList<>();

    Columns<T> text(String name, Function<? super T, String> value) {
        StringColumn c = StringColumn.create(name);
        specs.add(new Spec<>(c, row -> c.append(value.apply(row))));
        return this;
    }

    Columns<T> number(String name, Function<? super T, Integer> value) {
        IntColumn c = IntColumn.create(name);
        specs.add(new Spec<>(c, row -> {
            Integer v = value.apply(row);
            if (v == null) {
                c.appendMissing();
            } else {
                c.append(v);
            }
        }));
        return this;
    }

    Columns<T> instant(String name, Function<? super T, Instant> value) {
        InstantColumn c = InstantColumn.create(name);
        specs.add(new Spec<>(c, row -> {
            Instant v = value.apply(row);
            if (v == null) {
                c.appendMissing();
            } else {
                c.append(v);
            }
        }));
        return this;
    }

    Columns<T> flag(String name, Predicate<? super T> value) {
        BooleanColumn c = BooleanColumn.create(name);
        specs.add(new Spec<>(c, row -> c.append(value.test(row))));
        return this;
    }

    /** Adds columns described elsewhere (columns several tables share). */
    Columns<T> with(java.util.function.UnaryOperator<Columns<T>> more) {
        return more.apply(this);
    }

    /** Fills the columns from the rows; call once. */
    Table table(String tableName, Iterable<? extends T> rows) {
        for (T row : rows) {
            specs.forEach(s -> s.append().accept(row));
        }
        return Table.create(tableName, specs.stream().map(Spec::column).toArray(Column<?>[]::new));
    }
}
