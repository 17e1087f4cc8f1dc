package iamnb.kernel.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void session_whenFileHasEarlierSessions_thenNextNumber() throws Exception {
        Path file = dir.resolve("h.jsonl");
        HistoryStore first = new HistoryStore(file, json);
        first.append(1, "int a = 1;", null);
        assertEquals(1, first.session());
        assertEquals(2, new HistoryStore(file, json).session());
    }

    @Test
    void queries_whenEntriesOfTwoSessions_thenTailRangeAndSearchAgree() {
        Path file = dir.resolve("h.jsonl");
        HistoryStore old = new HistoryStore(file, json);
        old.append(1, "6*7", "42");
        old.append(2, "String s = \"x\";", null);
        HistoryStore now = new HistoryStore(file, json);
        now.append(1, "6*7", "42");
        now.append(2, "1+1", "2");

        assertEquals(List.of(new HistoryEntry(2, 1, "6*7", "42"), new HistoryEntry(2, 2, "1+1", "2")), now.tail(2));
        assertEquals(List.of(new HistoryEntry(1, 2, "String s = \"x\";", null)), now.range(1, 2, 3));
        assertEquals(List.of(new HistoryEntry(2, 2, "1+1", "2")), now.range(0, 2, 0));
        assertEquals(2, now.search("6?7", 0, false).size());
        assertEquals(List.of(new HistoryEntry(2, 1, "6*7", "42")), now.search("6?7", 0, true));
        assertEquals(1, now.search("*", 1, false).size());
    }

    @Test
    void load_whenFileHasTornLine_thenOtherEntriesKept() throws Exception {
        Path file = dir.resolve("h.jsonl");
        Files.writeString(file, "{\"session\":3,\"line\":1,\"input\":\"a\"}\n{\"session\":3,\"li\n");
        HistoryStore store = new HistoryStore(file, json);
        assertEquals(4, store.session());
        assertEquals(1, store.tail(10).size());
    }

    @Test
    void globToRegex_whenCharacterClassAndWildcards_thenMatchesLikeFnmatch() {
        assertEquals(true, HistoryStore.globToRegex("pri[nm]t*").matcher("println(1)").matches());
        assertEquals(false, HistoryStore.globToRegex("a?c").matcher("abbc").matches());
        assertEquals(true, HistoryStore.globToRegex("a.c").matcher("a.c").matches());
    }
}
