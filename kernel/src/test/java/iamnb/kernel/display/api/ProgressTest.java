package iamnb.kernel.display.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProgressTest {

    /** Records what the bar sends, as a front end would receive it. */
    static final class RecordingSink implements DisplaySink {
        final List<String> events = new ArrayList<>();

        @Override
        public String display(Object value, Set<String> mimeTypes) {
            events.add("display " + ((Progress.Frame) value).text());
            return "bar-1";
        }

        @Override
        public void update(String displayId, Object value, Set<String> mimeTypes) {
            events.add("update " + displayId + " " + ((Progress.Frame) value).text());
        }

        @Override
        public void clearOutput(boolean wait) {
            events.add("clear");
        }

        @Override
        public boolean textProgress() {
            return false;
        }
    }

    @Test
    void step_whenCalledManyTimesWithinASecond_thenRedrawsAtMostTenTimes() {
        var sink = new RecordingSink();
        long[] now = {0};
        var progress = new Progress("users", 10_000, sink, () -> now[0]);
        for (int i = 0; i < 9_999; i++) {
            now[0] += 100_000; // 0.1 ms per step: 1 s in all
            progress.step();
        }
        long updates = sink.events.stream().filter(e -> e.startsWith("update")).count();
        assertTrue(updates <= 10, "updates: " + updates);
        assertTrue(updates >= 9, "updates: " + updates);
        assertEquals("display users   0% 0/10,000 0.0 s", sink.events.get(0));
    }

    @Test
    void close_replacesTheBarWithASummaryLine() {
        var sink = new RecordingSink();
        long[] now = {0};
        try (var progress = new Progress("roles", 4, sink, () -> now[0])) {
            for (int i = 0; i < 4; i++) {
                now[0] += 500_000_000L;
                progress.step();
            }
        }
        String last = sink.events.get(sink.events.size() - 1);
        assertEquals("update bar-1 ✓ roles: 4 of 4 in 2.0 s (2/s)", last);
    }

    @Test
    void close_whenStoppedEarly_thenSummaryShowsACross() {
        var sink = new RecordingSink();
        var progress = new Progress("", 10, sink, () -> 0L);
        progress.advance(3).close();
        assertTrue(sink.events.get(sink.events.size() - 1).startsWith("update bar-1 ✗ 3 of 10"));
    }

    @Test
    void finalStep_isAlwaysDrawnEvenWithinTheThrottleWindow() {
        var sink = new RecordingSink();
        var progress = new Progress("x", 2, sink, () -> 0L);
        progress.step();
        progress.step();
        assertEquals("update bar-1 x 100% 2/2 0.0 s", sink.events.get(sink.events.size() - 1));
    }
}
