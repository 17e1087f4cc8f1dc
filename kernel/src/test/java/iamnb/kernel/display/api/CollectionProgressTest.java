package iamnb.kernel.display.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CollectionProgressTest {

    @Test
    void phases_eachGetABarThatEndsAsASummary_thenTheCollectorsSummaryIsShown() {
        var sink = new ProgressTest.RecordingSink();
        var listener = new CollectionProgress(sink);
        listener.started("users", 2);
        listener.advanced("users", 1);
        listener.advanced("users", 2);
        listener.started("roles", 0);
        listener.advanced("roles", 5);
        listener.finished("read 2 users, 5 roles");
        assertEquals("display users   0% 0/2 0.0 s", sink.events.get(0).replaceAll("\\d+\\.\\d s", "0.0 s"));
        assertTrue(sink.events.stream().anyMatch(e -> e.startsWith("update bar-1 ✓ users: 2 of 2 in")), sink.events.toString());
        assertTrue(sink.events.stream().anyMatch(e -> e.startsWith("update bar-1 ✓ roles: 5 in")), sink.events.toString());
        assertEquals("display read 2 users, 5 roles", sink.events.get(sink.events.size() - 1));
    }
}
