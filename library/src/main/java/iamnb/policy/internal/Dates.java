package iamnb.policy.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Date values for the {@code Date*} operators: "a date in one of the W3C implementations of the ISO 8601 date
 * formats" or "epoch (UNIX) time" (Condition operators › "Date condition operators"). A date or date-time
 * without a zone is taken as UTC.
 */
public final class Dates {
    private Dates() {}

    /** The instant, or null when the text is neither ISO 8601 nor epoch seconds. */
    public static Instant parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (isNumber(t)) {
            try {
                BigDecimal seconds = new BigDecimal(t);
                long whole = seconds.longValue();
                int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
                return Instant.ofEpochSecond(whole, nanos);
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        try {
            return LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        try {
            return LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    private static boolean isNumber(String t) {
        int start = t.charAt(0) == '-' ? 1 : 0;
        if (start == t.length()) {
            return false;
        }
        boolean dot = false;
        for (int i = start; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.' && !dot) {
                dot = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
