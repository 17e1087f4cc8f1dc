package iamnb.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The table javac sees: every entry; the purge (its values()) sees only package REPL's, never an emptied one. */
class ReplClassIndexTest {

    @Test
    void keepsEveryEntry_butHandsOutOnlyThoseOfPackageRepl() {
        Map<Object, Object> javacs = new HashMap<>();
        javacs.put("java.lang.String", new HashMap<>(Map.of("java.base", "String")));
        javacs.put("REPL.$JShell$1", new HashMap<>(Map.of("unnamed", "$JShell$1")));
        ReplClassIndex table = new ReplClassIndex(javacs);

        table.computeIfAbsent("REPL.$JShell$2$Inner", name -> new HashMap<>(Map.of("unnamed", "Inner")));
        table.computeIfAbsent("iamnb.Iam", name -> new HashMap<>(Map.of("unnamed", "Iam")));
        table.computeIfAbsent("REPLACEMENT.Thing", name -> new HashMap<>(Map.of("unnamed", "Thing")));

        assertEquals(5, table.size());
        assertEquals(Map.of("java.base", "String"), table.getOrDefault("java.lang.String", Map.of()));
        assertEquals(List.of("$JShell$1", "Inner"), sortedClasses(table));
    }

    @Test
    void anEntryThePurgeEmptied_staysAndIsFilledAgainInPlace() {
        ReplClassIndex table = new ReplClassIndex(Map.of());
        Object entry = table.computeIfAbsent("REPL.$JShell$3", name -> new HashMap<>(Map.of("unnamed", "$JShell$3")));
        table.computeIfAbsent("REPL.$JShell$4", name -> new HashMap<>(Map.of("unnamed", "$JShell$4")));

        // Symtab.removeClass: getOrDefault(flatName, EMPTY).remove(module)
        ((Map<?, ?>) table.getOrDefault("REPL.$JShell$3", Map.of())).remove("unnamed");
        assertEquals(List.of("$JShell$4"), sortedClasses(table));

        // Symtab.doEnterClass: computeIfAbsent(flatName, n -> new HashMap<>()).put(module, symbol)
        @SuppressWarnings("unchecked")
        Map<Object, Object> again = (Map<Object, Object>) table.computeIfAbsent("REPL.$JShell$3", name -> new HashMap<>());
        again.put("unnamed", "again");
        assertSame(entry, again, "the emptied entry is reused");
        assertEquals(List.of("$JShell$4", "again"), sortedClasses(table));
        assertEquals(2, table.replEntries());
    }

    private static List<String> sortedClasses(ReplClassIndex table) {
        List<String> classes = new ArrayList<>();
        for (Object perModule : table.values()) {
            for (Object symbol : ((Map<?, ?>) perModule).values()) {
                classes.add((String) symbol);
            }
        }
        classes.sort(null);
        return classes;
    }
}
