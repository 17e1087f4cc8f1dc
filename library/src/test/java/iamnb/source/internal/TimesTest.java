package iamnb.source.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class TimesTest {
    @Test
    void parse_whenEveryShapeAwsToolsPrint_thenTheSameInstantAsJavaTime() {
        for (String t : new String[] {"2024-01-15T10:00:00Z", "2024-01-15T10:00:00+00:00", "2024-01-15T10:00:00.123Z",
                "2024-01-15T10:00:00.123456+00:00", "2024-02-29T23:59:59+05:30", "2024-01-15T10:00:00-08:00"}) {
            assertEquals(OffsetDateTime.parse(t).toInstant(), Times.parse(t).orElseThrow(), t);
        }
        assertEquals(Instant.parse("2024-01-15T10:00:00Z"), Times.parse("2024-01-15T10:00:00").orElseThrow(), "no offset: UTC");
        assertEquals(Instant.ofEpochSecond(1761952200, 500_000_000), Times.parse("1761952200.5").orElseThrow(), "epoch seconds");
        assertEquals(Instant.parse("2024-01-15T10:00:00Z"), Times.parse("2024-01-15 10:00:00+0000").orElseThrow());
    }

    @Test
    void parse_whenNotATime_thenEmpty() {
        for (String t : new String[] {"N/A", "no_information", "yesterday", "2023-02-29T10:00:00Z", "2024-13-01T00:00:00Z", ""}) {
            assertTrue(Times.parse(t).isEmpty(), t);
        }
    }

    @Test
    void format_whenWritten_thenCliV2ShapeThatParsesBack() {
        Instant t = Instant.parse("2026-11-01T00:00:00.250Z");
        assertEquals("2026-11-01T00:00:00.25+00:00", Times.format(t));
        assertEquals(t, Times.parse(Times.format(t)).orElseThrow());
        assertEquals("2026-11-01T00:00:00+00:00", Times.format(Instant.parse("2026-11-01T00:00:00Z")));
    }
}
