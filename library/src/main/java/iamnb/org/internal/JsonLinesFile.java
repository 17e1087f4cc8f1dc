package iamnb.org.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import iamnb.SourceUnavailableException;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A JSON Lines file written a table at a time: one object per row on one line ({@code \n}-terminated), UTF-8,
 * keys in column order, numbers and booleans as JSON numbers and booleans, times as ISO-8601 strings
 * ({@code 2026-11-01T00:00:00Z}), missing values as {@code null}. Newlines and quotes inside values are escaped
 * by the JSON encoder, so every line is one whole row.
 */
public final class JsonLinesFile implements Closeable {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Path file;
    private final JsonGenerator json;
    private long rows;

    /** Creates (or replaces) the file. */
    public JsonLinesFile(Path file) {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            this.json = JSON.createGenerator(out, JsonEncoding.UTF8);
            json.setRootValueSeparator(null);   // the line break after each row is written explicitly
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot write JSON Lines file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends every row of {@code table}, all its columns. */
    public void write(Table table) {
        List<Column<?>> columns = table.columns();
        List<ColumnKind> kinds = columns.stream().map(ColumnKind::of).toList();
        try {
            for (int row = 0; row < table.rowCount(); row++) {
                json.writeStartObject();
                for (int i = 0; i < columns.size(); i++) {
                    json.writeFieldName(columns.get(i).name());
                    writeValue(json, kinds.get(i), kinds.get(i).value(columns.get(i), row));
                }
                json.writeEndObject();
                json.writeRaw('\n');
                rows++;
            }
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot write JSON Lines file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    private static void writeValue(JsonGenerator g, ColumnKind kind, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
            return;
        }
        switch (kind) {
            case INT:
                g.writeNumber((Integer) v);
                break;
            case LONG:
                g.writeNumber((Long) v);
                break;
            case DOUBLE:
                g.writeNumber((Double) v);
                break;
            case BOOLEAN:
                g.writeBoolean((Boolean) v);
                break;
            case DATE:
                g.writeString(((LocalDate) v).toString());
                break;
            default:
                g.writeString(v.toString());   // strings; instants and date-times in ISO-8601
        }
    }

    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot finish JSON Lines file " + file + ": " + e.getMessage(), e);
        }
    }
}
