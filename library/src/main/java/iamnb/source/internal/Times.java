package iamnb.source.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
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
            .toFormatter()
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

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
                // longValueExact: a number beyond a long is not a time, not a time wrapped round to another
                long s = seconds.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
                int nanos = seconds.subtract(BigDecimal.valueOf(s)).movePointRight(9).intValue();
                return Optional.of(Instant.ofEpochSecond(s, nanos));
            } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
                return Optional.empty();
            }
        }
        if (t.indexOf('Z') != t.lastIndexOf('Z') || t.indexOf('z') >= 0 && t.indexOf('Z') >= 0) {
            return Optional.empty(); // "…ZZ": the formatter's two optional offset forms would each take one
        }
        Instant fast = fastParse(t);
        if (fast != null) {
            return Optional.of(fast);
        }
        try {
            var parsed = OFFSET.parse(t.replace(' ', 'T'));
            LocalDateTime local = LocalDateTime.from(parsed);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
            return Optional.of(local.toInstant(offset));
        } catch (DateTimeException e) {
            // DateTimeParseException, and a date that parses but names no instant
            return Optional.empty();
        }
    }

    /**
     * The two shapes that make up nearly every timestamp AWS prints, {@code 2024-01-15T10:00:00Z} and
     * {@code 2024-01-15T10:00:00+00:00} (optionally with fractional seconds), parsed without a formatter:
     * large snapshots hold hundreds of thousands of them. Anything else returns null for the general parser.
     */
    private static Instant fastParse(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1 || day > 31
                || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && t.charAt(i) == '.') {
            int start = ++i;
            while (i < n && Character.isDigit(t.charAt(i))) {
                i++;
            }
            int len = i - start;
            if (len == 0 || len > 9) {
                return null;
            }
            nanos = digits(t, start, len);
            for (int k = len; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && (t.charAt(i) == 'Z' || t.charAt(i) == 'z')) {
            offsetSeconds = 0;
        } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
            int oh = digits(t, i + 1, 2);
            int om = digits(t, i + 4, 2);
            if ((oh | om) < 0 || oh > 18 || om > 59) {
                return null;
            }
            offsetSeconds = (t.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86400 + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
    }

    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = t.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
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
