package iamnb.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParentWatchTest {

    @Test
    void fromEnvironment_whenNoClientNamed_thenNoWatch() {
        assertEquals(Optional.empty(), ParentWatch.fromEnvironment(Map.of()));
        assertEquals(Optional.empty(), ParentWatch.fromEnvironment(Map.of("JPY_PARENT_PID", " ")));
    }

    @Test
    void fromEnvironment_whenInitOrNotAPid_thenNoWatch() {
        assertEquals(Optional.empty(), ParentWatch.fromEnvironment(Map.of("JPY_PARENT_PID", "1")));
        assertEquals(Optional.empty(), ParentWatch.fromEnvironment(Map.of("JPY_PARENT_PID", "12ab")));
    }

    @Test
    void clientGone_whenClientIsOurRunningParent_thenEmpty() {
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        ParentWatch watch = ParentWatch.fromEnvironment(Map.of("JPY_PARENT_PID", Long.toString(parent)))
                .orElseThrow();
        assertEquals(Optional.empty(), watch.clientGone());
    }

    @Test
    void clientGone_whenNamedClientHasExited_thenSaysWhichProcess() throws Exception {
        Process client = new ProcessBuilder("sleep", "30").start();
        ParentWatch watch = ParentWatch.fromEnvironment(Map.of("JPY_PARENT_PID", Long.toString(client.pid())))
                .orElseThrow();
        assertEquals(Optional.empty(), watch.clientGone(), "a running client is not gone");
        client.destroyForcibly().waitFor(); // reaped: the pid no longer names a process
        String reason = watch.clientGone().orElseThrow();
        assertTrue(reason.contains(Long.toString(client.pid())), reason);
    }
}
