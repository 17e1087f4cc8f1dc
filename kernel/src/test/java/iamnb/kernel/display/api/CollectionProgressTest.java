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

    @Test
    void organization_overallBarKeepsCountingWhileAccountsRunBesideIt() {
        var sink = new ProgressTest.RecordingSink();
        var listener = new CollectionProgress(sink);
        listener.started("accounts", 3);
        listener.started("account 111111111111 (tools-ci)", 0);
        listener.started("account 222222222222 (staging)", 0);   // parallel: the first account's bar closes
        listener.advanced("account 222222222222 (staging)", 4);
        listener.advanced("accounts", 1);
        listener.advanced("account 111111111111 (tools-ci)", 2);  // its bar comes back rather than moving another
        listener.advanced("accounts", 3);
        listener.finished("3 accounts: 3 collected, 0 reused, 0 not collected");
        String events = String.join("\n", sink.events);
        assertTrue(events.contains("✓ accounts: 3 of 3 in"), events);
        assertTrue(events.contains("✓ account 222222222222 (staging): 4 in"), events);
        assertTrue(events.contains("✓ account 111111111111 (tools-ci): 2 in"), events);
        assertTrue(sink.events.stream().noneMatch(e -> e.contains("staging") && e.contains("3 of 3")), events);
        assertEquals("display 3 accounts: 3 collected, 0 reused, 0 not collected", sink.events.get(sink.events.size() - 1));
    }
}
