package iamnb.source.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Timestamps in the shapes AWS tools print: ISO-8601 with {@code Z} or {@code +00:00}, with or without
 * fractional seconds (CLI v2, credential report, XML wire format), and epoch seconds (CLI v1 for some
 * services).
 */
public final class Times {
    private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private Times() {}

    /** Parses a timestamp; {@code Optional.empty()} when the text is not one. A missing offset means UTC. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            try {
                BigDecimal seconds = new BigDecimal(t);
                long s = seconds.longValue();
                int nanos = seconds.subtract(BigDecimal.valueOf(s)).movePointRight(9).intValue();
                return Optional.of(Instant.ofEpochSecond(s, nanos));
            } catch (NumberFormatException | ArithmeticException e) {
                return Optional.empty();
            }
        }
        try {
            var parsed = OFFSET.parse(t.replace(' ', 'T'));
            LocalDateTime local = LocalDateTime.from(parsed);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
            return Optional.of(local.toInstant(offset));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Formats as the AWS CLI v2 and the credential report do: {@code 2024-01-15T10:00:00+00:00}, with
     * fractional seconds only when there are some.
     */
    public static String format(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).toLocalDateTime()
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "+00:00";
    }
}
