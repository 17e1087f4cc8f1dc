package iamnb.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void anEntryThePurgeEmptied_isForgotten() {
        ReplClassIndex table = new ReplClassIndex(Map.of());
        table.computeIfAbsent("REPL.$JShell$3", name -> new HashMap<>(Map.of("unnamed", "$JShell$3")));
        table.computeIfAbsent("REPL.$JShell$4", name -> new HashMap<>(Map.of("unnamed", "$JShell$4")));

        // Symtab.removeClass: getOrDefault(flatName, EMPTY).remove(module)
        ((Map<?, ?>) table.getOrDefault("REPL.$JShell$3", Map.of())).remove("unnamed");

        assertEquals(List.of("$JShell$4"), sortedClasses(table));
        assertEquals(1, table.replEntries());
        assertEquals(1, table.size(), "gone from the table too");
        Object again = table.computeIfAbsent("REPL.$JShell$3", name -> new HashMap<>(Map.of("unnamed", "again")));
        assertEquals(Map.of("unnamed", "again"), again);
        assertEquals(List.of("$JShell$4", "again"), sortedClasses(table), "entered again, indexed again");
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
