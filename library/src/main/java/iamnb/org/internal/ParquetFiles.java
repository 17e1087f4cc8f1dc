package iamnb.org.internal;

import iamnb.SourceUnavailableException;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes a Tablesaw table (some of its columns) to one Parquet file on the local disk, through parquet-mr's own
 * {@link LocalOutputFile} and {@link PlainParquetConfiguration}: no Hadoop class is loaded, none is on the class
 * path. The file appears under its name only once complete (written beside it, then moved), so a reader globbing
 * {@code *.parquet} never sees half a file.
 */
public final class ParquetFiles {
    /**
     * {@code Builder.withConf(ParquetConfiguration)}, looked up by its exact type. The builder also has an
     * overload taking Hadoop's {@code Configuration}; calling the method in source would make the compiler (and
     * reflection's {@code getMethod}) load that Hadoop class to tell the overloads apart. A method handle resolves
     * just this one method.
     */
    private static final MethodHandle WITH_CONF;

    static {
        try {
            WITH_CONF = MethodHandles.publicLookup().findVirtual(ParquetWriter.Builder.class, "withConf",
                    MethodType.methodType(ParquetWriter.Builder.class, ParquetConfiguration.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ParquetFiles() {}

    /** The Parquet schema of these columns: every field optional (missing values are nulls). */
    public static MessageType schema(List<Column<?>> columns) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Column<?> c : columns) {
            switch (ColumnKind.of(c)) {
                case STRING:
                    b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
                    break;
                case INT:
                    b.optional(PrimitiveTypeName.INT32).named(c.name());
                    break;
                case LONG:
                    b.optional(PrimitiveTypeName.INT64).named(c.name());
                    break;
                case BOOLEAN:
                    b.optional(PrimitiveTypeName.BOOLEAN).named(c.name());
                    break;
                case DOUBLE:
                    b.optional(PrimitiveTypeName.DOUBLE).named(c.name());
                    break;
                case INSTANT:
                    b.optional(PrimitiveTypeName.INT64)
                            .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS))
                            .named(c.name());
                    break;
                case DATE_TIME:
                    b.optional(PrimitiveTypeName.INT64)
                            .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MILLIS))
                            .named(c.name());
                    break;
                case DATE:
                    b.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(c.name());
                    break;
                default:
                    throw new IllegalStateException("unhandled column kind " + ColumnKind.of(c));
            }
        }
        return b.named("row");
    }

    /**
     * Writes the named columns of {@code table} to {@code file} (replacing it), in row order.
     *
     * @throws SourceUnavailableException when the file cannot be written, naming it
     */
    public static void write(Table table, List<String> columnNames, Path file) {
        List<Column<?>> columns = new ArrayList<>();
        columnNames.forEach(n -> columns.add(table.column(n)));
        MessageType schema = schema(columns);
        List<ColumnKind> kinds = columns.stream().map(ColumnKind::of).toList();
        Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(partial);
            ExampleParquetWriter.Builder builder = ExampleParquetWriter.builder().withFile(new LocalOutputFile(partial))
                    .withType(schema).withCompressionCodec(CompressionCodecName.GZIP)
                    .withCodecFactory(new GzipCodecs());
            builder = (ExampleParquetWriter.Builder) WITH_CONF.invoke(builder, new PlainParquetConfiguration());
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            try (ParquetWriter<Group> writer = builder.build()) {
                for (int row = 0; row < table.rowCount(); row++) {
                    Group g = groups.newGroup();
                    for (int i = 0; i < columns.size(); i++) {
                        append(g, columns.get(i).name(), kinds.get(i), kinds.get(i).value(columns.get(i), row));
                    }
                    writer.write(g);
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot write Parquet file " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Parquet writer set-up failed for " + file, e);
        }
    }

    private static void append(Group g, String field, ColumnKind kind, Object v) {
        if (v == null) {
            return;   // an optional field left out is null
        }
        switch (kind) {
            case STRING:
                g.append(field, Binary.fromString((String) v));
                break;
            case INT:
                g.append(field, (Integer) v);
                break;
            case LONG:
                g.append(field, (Long) v);
                break;
            case BOOLEAN:
                g.append(field, (Boolean) v);
                break;
            case DOUBLE:
                g.append(field, (Double) v);
                break;
            case INSTANT:
            case DATE_TIME:
                g.append(field, ColumnKind.epochMillis(v));
                break;
            case DATE:
                g.append(field, ColumnKind.epochDays(v));
                break;
            default:
                throw new IllegalStateException("unhandled column kind " + kind);
        }
    }
}
