package iamnb.kernel.display;

import java.util.Optional;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A Tablesaw column reads as a one-column table, with the same limits and formatting. */
public final class ColumnRenderer implements Renderer {

    private final TableRenderer tables = new TableRenderer();

    @Override
    public Optional<MimeBundle> render(Object value) {
        if (!(value instanceof Column<?> column)) {
            return Optional.empty();
        }
        // Table.create only references the column; it neither copies nor changes it.
        return tables.render(Table.create("", column));
    }
}
