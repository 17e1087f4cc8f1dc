package iamnb.chart;

import iamnb.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a chart is drawn: its title (or the "as of" date and account that go into the default title), its size,
 * the threshold in days, how many bars, and which columns of a table to read.
 *
 * <pre>{@code
 * Charts.keyAge(myFilteredTable, o -> o.valueColumns("age_days").asOf(acct.asOf()).source("prod 210987654321"));
 * Charts.unusedRoles(acct, o -> o.top(10).thresholdDays(180).size(900, 500));
 * }</pre>
 *
 * @param title the whole title, replacing the default one
 * @param asOf the instant the data describes, shown in the default title and used for day counts
 * @param source where the data comes from, shown in parentheses in the default title (e.g. {@code demo 123456789012})
 * @param width image width in pixels
 * @param height image height in pixels; charts with one row per name grow taller when they have many rows
 * @param thresholdDays the line drawn at N days (90: the seed's rotation and unused-principal threshold)
 * @param top how many bars a ranking chart shows
 * @param labelColumn the column naming each row ({@code user}, {@code role}); each chart has its default
 * @param valueColumns the columns charted; each chart has its defaults
 */
public record ChartOptions(Optional<String> title, Optional<Instant> asOf, Optional<String> source, int width,
                           int height, int thresholdDays, int top, Optional<String> labelColumn,
                           List<String> valueColumns) {

    public static final int DEFAULT_WIDTH = 800;
    public static final int DEFAULT_HEIGHT = 450;

    public ChartOptions {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(source, "source");
        if (width < 200 || width > 4000 || height < 150 || height > 4000) {
            throw new InvalidInputException("size(" + width + ", " + height + "): use 200-4000 pixels wide and 150-4000 "
                    + "high; notebooks read well at about 800 x 450");
        }
        if (thresholdDays < 1) {
            throw new InvalidInputException("thresholdDays(" + thresholdDays + "): use a positive number of days, e.g. 90");
        }
        if (top < 1) {
            throw new InvalidInputException("top(" + top + "): show at least one bar");
        }
        Objects.requireNonNull(labelColumn, "labelColumn");
        valueColumns = List.copyOf(valueColumns);
    }

    public static ChartOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().size(width, height).thresholdDays(thresholdDays).top(top);
        title.ifPresent(b::title);
        asOf.ifPresent(b::asOf);
        source.ifPresent(b::source);
        labelColumn.ifPresent(b::labelColumn);
        b.valueColumns = valueColumns;
        return b;
    }

    /** Builds {@link ChartOptions}; defaults: 800 x 450, 90-day threshold, top 20, each chart's own columns. */
    public static final class Builder {
        private String title;
        private Instant asOf;
        private String source;
        private int width = DEFAULT_WIDTH;
        private int height = DEFAULT_HEIGHT;
        private int thresholdDays = 90;
        private int top = 20;
        private String labelColumn;
        private List<String> valueColumns = List.of();

        private Builder() {}

        /** Replaces the whole default title. */
        public Builder title(String v) { this.title = v; return this; }
        public Builder asOf(Instant v) { this.asOf = v; return this; }
        public Builder asOf(LocalDate v) { this.asOf = v.atStartOfDay(ZoneOffset.UTC).toInstant(); return this; }
        /** Where the data comes from, e.g. {@code demo 123456789012} or an account alias. */
        public Builder source(String v) { this.source = v; return this; }
        public Builder size(int width, int height) { this.width = width; this.height = height; return this; }
        public Builder thresholdDays(int v) { this.thresholdDays = v; return this; }
        public Builder top(int v) { this.top = v; return this; }
        /** The column that names each row ({@code user}, {@code role}). */
        public Builder labelColumn(String v) { this.labelColumn = v; return this; }
        /** The columns to chart, e.g. {@code "age_days"} or {@code "key_1_age_days", "key_2_age_days"}. */
        public Builder valueColumns(String... v) { this.valueColumns = List.of(v); return this; }

        public ChartOptions build() {
            return new ChartOptions(Optional.ofNullable(title), Optional.ofNullable(asOf), Optional.ofNullable(source),
                    width, height, thresholdDays, top, Optional.ofNullable(labelColumn), valueColumns);
        }
    }
}
